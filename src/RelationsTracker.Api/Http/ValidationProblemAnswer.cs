namespace RelationsTracker.Api.Http;

/// <summary>A 400's body, as the OpenAPI document describes it: <c>errors</c> names each bad field.</summary>
public class ValidationProblemAnswer : HttpValidationProblemDetails
{
    /// <summary>The request's trace id, for finding it in the service's log.</summary>
    public string? TraceId { get; set; }
}
