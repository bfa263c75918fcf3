using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.Metadata;

namespace RelationsTracker.Api.Http;

/// <summary>
/// Middleware before the JSON routes bind their typed bodies: 415 for a body that is not JSON, 413 past the limit,
/// and a 400 naming the field for a body the type cannot take. Wolverine's own answer to such a body has no field
/// (its message loses the JSON path), so the body is tried here once, with the options Wolverine binds it with.
/// </summary>
public static class JsonBodies
{
    public const int MaxDepth = 16;
    /// <summary>No write needs more: 20 sources of 2,048-character URLs and 2,000-character texts fit many times over.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static async Task ReadAsync(HttpContext context, RequestDelegate next)
    {
        // Wolverine declares the JSON body its endpoint binds as Accepts metadata (query records are not bodies).
        var type = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } t } accepts
                   && accepts.ContentTypes.Contains("application/json") ? t : null;
        if (type is null)
        {
            await next(context);
            return;
        }
        var request = context.Request;
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: "Send the body as application/json.").ExecuteAsync(context);
            return;
        }
        var (bytes, tooLarge) = await BufferAsync(request, context.RequestAborted);
        if (tooLarge)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Content Too Large",
                detail: $"The body may be at most {MaxBytes:N0} bytes.").ExecuteAsync(context);
            return;
        }
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (BodyProblem.Of(bytes, type, options) is { } problem)
        {
            await Problems.Validation(problem.Field, problem.Message).ExecuteAsync(context);
            return;
        }
        request.Body = new MemoryStream(bytes, writable: false);
        request.ContentLength = bytes.Length;
        await next(context);
    }

    private static async Task<(byte[] Bytes, bool TooLarge)> BufferAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return ([], true);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return ([], true);
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), false);
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
               || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                   && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
