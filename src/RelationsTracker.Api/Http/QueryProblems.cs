using System.Reflection;

namespace RelationsTracker.Api.Http;

/// <summary>
/// Wolverine answers a query value that does not parse with a problem of its own ("Invalid query string value", the
/// parameter in an extension). This says it as every other 400 of the API: <c>errors</c> naming the parameter, with
/// the reason its type gives (each query value type has a static <c>Problem(text)</c>).
/// </summary>
public static class QueryProblems
{
    private const string WolverineTitle = "Invalid query string value";

    // Every [FromQuery] member of the host's query types, by the parameter's name.
    private static readonly Dictionary<string, Func<string?, string>> Reasons = typeof(QueryProblems).Assembly.GetTypes()
        .SelectMany(TypedQuery.MembersOf)
        .DistinctBy(x => x.Name)
        .ToDictionary(x => x.Name, x => ReasonOf(Nullable.GetUnderlyingType(x.Member.PropertyType) ?? x.Member.PropertyType),
            StringComparer.OrdinalIgnoreCase);

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Title != WolverineTitle || !problem.Extensions.TryGetValue("parameter", out var parameter) || parameter is not string name) return;
        var values = context.HttpContext.Request.Query[name];
        var reason = values.Count > 1 ? "is given more than once" : Reasons.TryGetValue(name, out var of) ? of(values) : $"'{values}' is not a valid value";
        problem.Title = Problems.ValidationTitle;
        problem.Detail = Problems.ValidationDetail;
        problem.Extensions.Remove("parameter");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [reason] };
    }

    /// <summary>
    /// Middleware: a typed query value given empty (<c>?asOf=</c>) is refused as its type refuses any other value it
    /// cannot read, where the endpoint takes it; Wolverine's binding would take it for absent.
    /// </summary>
    public static async Task RefuseEmptyValuesAsync(HttpContext context, RequestDelegate next)
    {
        foreach (var (name, _) in TypedQuery.Of(context.GetEndpoint()?.Metadata.GetMetadata<Wolverine.Http.HttpChain>()))
        {
            if (context.Request.Query.TryGetValue(name, out var values) && values is [""])
            {
                await Problems.Validation(name, Reasons[name]("")).ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }

    private static Func<string?, string> ReasonOf(Type type)
    {
        var method = type.GetMethod("Problem", BindingFlags.Public | BindingFlags.Static, [typeof(string)])
                     ?? throw new InvalidOperationException($"{type.Name}, a query value type, has no static Problem(string) to say why a value is refused");
        return text => (string)method.Invoke(null, [text])!;
    }
}
