namespace RelationsTracker.Api.Http;

/// <summary>An answer whose JSON body is already serialized: used for writes, whose exact bytes an idempotent retry replays.</summary>
public sealed class SerializedJsonResult(int statusCode, string body, string? location, bool replayed = false) : IResult
{
    public int StatusCode => statusCode;
    public string Body => body;
    public string? Location => location;
    public bool Replayed => replayed;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        if (location is not null) response.Headers.Location = location;
        if (replayed) response.Headers["Idempotent-Replayed"] = "true";
        await response.WriteAsync(body, httpContext.RequestAborted);
    }
}
