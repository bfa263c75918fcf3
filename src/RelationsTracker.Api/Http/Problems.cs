using RelationsTracker.Writing;

namespace RelationsTracker.Api.Http;

/// <summary>RFC 9457 problem details for every error the API answers.</summary>
public static class Problems
{
    /// <summary>The title and detail of every 400 (ASP.NET Core's title for a validation problem; ours for the detail).</summary>
    public const string ValidationTitle = "One or more validation errors occurred.";
    public const string ValidationDetail = "The request is invalid; 'errors' names each bad field.";

    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail: detail ?? ValidationDetail, title: ValidationTitle);

    public static IResult Validation(FieldErrors errors) => Validation(errors.ToDictionary());

    public static IResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A route's <c>{id}</c> naming a development, a subscription or an import: null when it is a UUID, else the 400.</summary>
    /// <param name="what">"a development", "a subscription", "an import".</param>
    public static IResult? NotAnId(string id, string what, out Guid value) =>
        Guid.TryParse(id, out value) ? null : Validation("id", $"'{id}' is not {what} id (a UUID)");

    /// <summary>A command's refusal (a domain rule) as the HTTP answer: 400 naming the field, 404 or 409.</summary>
    public static IResult For(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => Validation(refusal.Field ?? "body", refusal.Detail),
        RefusalKind.NotFound => NotFound(refusal.Detail),
        _ => Conflict(refusal.Detail),
    };

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static IResult PreconditionFailed(long currentVersion) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Precondition Failed",
            detail: $"The relation is at version {currentVersion}, not the version named in If-Match; read it again and retry.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    public static IResult IdempotencyKeyReused() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Idempotency-Key reused",
            detail: "This Idempotency-Key was already used with a different request; use a new key for a new request.");

    public static IResult Contention() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Too much contention",
            detail: "The relation kept changing while this write was being recorded; nothing was recorded. Retry.");
}
