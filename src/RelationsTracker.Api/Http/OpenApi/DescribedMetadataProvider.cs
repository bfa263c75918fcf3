using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>
/// Adds to ApiExplorer what the endpoints' signatures cannot say (<see cref="ProblemsAttribute"/>, the middleware's
/// 401 and 429), so that any OpenAPI generator reading ApiExplorer sees the bodies and
/// problems. Runs after Wolverine's provider has described its endpoints.
/// </summary>
public sealed class DescribedMetadataProvider : IApiDescriptionProvider
{
    private static readonly IModelMetadataProvider Metadata = new EmptyModelMetadataProvider();

    // OnProvidersExecuted runs in descending Order: the lowest runs last, once Wolverine's provider (-2000) and
    // ASP.NET Core's (-1100, -1000) have described every endpoint.
    public int Order => -3000;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        foreach (var description in context.Results)
        {
            var metadata = description.ActionDescriptor.EndpointMetadata;
            if (ReturnsIResult(description)) KeepOnlyDeclaredResponses(description);
            // Wolverine copies [ProducesResponseType]'s status and type, not its description.
            foreach (var declared in metadata.OfType<ProducesResponseTypeAttribute>().Where(a => a.Description is not null))
            {
                foreach (var response in description.SupportedResponseTypes.Where(r => r.StatusCode == declared.StatusCode))
                    response.Description = declared.Description;
            }

            foreach (var status in metadata.OfType<ProblemsAttribute>().SelectMany(p => p.StatusCodes)) SetProblem(description, status);

            // The API key and rate limit middleware answer before any endpoint (Security/): 401 on every write under
            // /api without a valid key, on a subscription's read, on any read with an unknown key, and on every read
            // when Tracker__RequireKeyForReads is set; 429 past a key's rate.
            if (!IsApiRoute(description)) continue;
            // FaultAnswers: any route that reads or writes the database, while it is out of reach.
            if (!description.SupportedResponseTypes.Any(r => r.StatusCode == StatusCodes.Status503ServiceUnavailable))
                SetProblem(description, StatusCodes.Status503ServiceUnavailable, "The database is out of reach just now; nothing was recorded. Retry after Retry-After seconds.");
            if (NeedsKey(description) && !IsWrite(description))
            {
                SetProblem(description, StatusCodes.Status401Unauthorized, "No valid X-Api-Key: a subscription's callback and delivery log are its subscriber's.");
            }
            else if (IsWrite(description))
            {
                SetProblem(description, StatusCodes.Status401Unauthorized, "No valid X-Api-Key: writes need one. Nothing was changed.");
                SetProblem(description, StatusCodes.Status429TooManyRequests, "This key writes faster than its rate limit allows; nothing was recorded. Retry after Retry-After seconds.");
            }
            else
            {
                SetProblem(description, StatusCodes.Status401Unauthorized, "An X-Api-Key that is not a valid key; or none, when the service requires a key for reads (Tracker__RequireKeyForReads).");
            }
        }
    }

    /// <summary>As <see cref="Security.ApiKeys.Guards"/> decides with no key given: writes and subscriptions.</summary>
    public static bool NeedsKey(ApiDescription description) =>
        IsWrite(description) || description.RelativePath?.StartsWith("api/subscriptions", StringComparison.Ordinal) == true;

    public static bool IsApiRoute(ApiDescription description) =>
        description.RelativePath is { } path && (path == "api" || path.StartsWith("api/", StringComparison.Ordinal));

    /// <summary>As <see cref="Security.ApiKeys.IsWrite"/> decides: anything but GET, HEAD and OPTIONS.</summary>
    public static bool IsWrite(ApiDescription description) =>
        description.HttpMethod is { } method && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    /// <summary>
    /// An endpoint returning IResult declares its answers itself ([ProducesResponseType], [Problems]). Wolverine,
    /// seeing IResult, guesses "200 with an IResult body" and "404 when the resource is null"; drop the guesses.
    /// </summary>
    private static void KeepOnlyDeclaredResponses(ApiDescription description)
    {
        var declared = description.ActionDescriptor.EndpointMetadata.OfType<ProducesResponseTypeAttribute>().Select(a => a.StatusCode).ToHashSet();
        foreach (var response in description.SupportedResponseTypes.ToList())
        {
            if (!declared.Contains(response.StatusCode) || response.Type == typeof(IResult))
                description.SupportedResponseTypes.Remove(response);
        }
    }

    private static bool ReturnsIResult(ApiDescription description)
    {
        if (description.ActionDescriptor is not ControllerActionDescriptor { MethodInfo: { } method }) return false;
        var type = method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            type = type.GetGenericArguments()[0];
        return type == typeof(IResult);
    }

    private static void SetProblem(ApiDescription description, int status, string? text = null)
    {
        var type = status switch
        {
            StatusCodes.Status400BadRequest => typeof(ValidationProblemAnswer),
            StatusCodes.Status412PreconditionFailed => typeof(PreconditionFailedAnswer),
            _ => typeof(ProblemAnswer),
        };
        foreach (var existing in description.SupportedResponseTypes.Where(r => r.StatusCode == status).ToList())
            description.SupportedResponseTypes.Remove(existing);
        description.SupportedResponseTypes.Add(new ApiResponseType
        {
            StatusCode = status,
            Type = type,
            ModelMetadata = Metadata.GetMetadataForType(type),
            Description = text ?? ProblemText(status),
            ApiResponseFormats = [new ApiResponseFormat { MediaType = "application/problem+json" }],
        });
    }

    public static string ProblemText(int status) => status switch
    {
        400 => "The route, a parameter or the body is invalid: 'errors' names each bad field. Nothing was changed.",
        404 => "Not found: an actor of the route, or the development, subscription or import the route names.",
        409 => "The development is retracted: it cannot be retracted or corrected again. Nothing was recorded.",
        412 => "If-Match does not name the relation's current version (given in 'currentVersion'). Nothing was recorded.",
        413 => $"The body is larger than the route takes: {JsonBodies.MaxBytes:N0} bytes of JSON, or an import's Tracker:Imports:MaxBytes. Nothing was changed.",
        415 => "The body is not JSON: send Content-Type: application/json.",
        422 => "This Idempotency-Key was used before with another request. Nothing was recorded.",
        429 => "Too many requests at once: the operation's description says which limit.",
        503 => "The relation kept changing while this write was being decided, or the database is out of reach; nothing was recorded. Retry (after Retry-After seconds, when given).",
        _ => throw new InvalidOperationException($"No description for a {status} problem: add one to {nameof(DescribedMetadataProvider)}.{nameof(ProblemText)}"),
    };
}
