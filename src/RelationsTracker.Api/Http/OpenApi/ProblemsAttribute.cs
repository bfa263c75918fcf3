namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>
/// The problem details (application/problem+json) the endpoint itself can answer, by status code. 401 and 429,
/// which the API key and rate limit middleware answer before any endpoint runs, are added for every write.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProblemsAttribute(params int[] statusCodes) : Attribute
{
    public IReadOnlyList<int> StatusCodes => statusCodes;
}
