using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace RelationsTracker.Api.Infrastructure;

/// <summary>The JSON the API writes: camelCase, ISO-8601, and any script (Arabic included) written as itself, not escaped.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}

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
