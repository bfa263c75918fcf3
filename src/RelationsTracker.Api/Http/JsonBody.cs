using System.Text.Json;
using System.Text.Unicode;

namespace RelationsTracker.Api.Http;

/// <summary>
/// Reads a request body as JSON ourselves rather than binding it to a type, so that every bad field
/// (wrong type, null, unknown, too long) is named in the problem details, not only the first one.
/// </summary>
public static class JsonBody
{
    public const int MaxDepth = 16;
    /// <summary>No write needs more: 20 sources of 2,048-character URLs and 2,000-character texts fit many times over.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>The parsed body, or the problem to answer (400 malformed, 415 not JSON).</summary>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported Media Type", detail: "Send the body as application/json."));
        }
        if (request.ContentLength > MaxBytes) return (null, TooLarge());
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, TooLarge());
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // The parser checks UTF-8 only where it must; strings are decoded later. Check it all now.
        if (!Utf8.IsValid(bytes.Span))
            return (null, Problems.Validation("body", "The body is not valid UTF-8."));
        try
        {
            return (JsonDocument.Parse(bytes, Options), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Validation("body", $"The body is not valid JSON: {Describe(e)}"));
        }
    }

    private static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Content Too Large", detail: $"The body may be at most {MaxBytes:N0} bytes.");

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
               || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                   && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(JsonException e) =>
        e.LineNumber is { } line ? $"{FirstSentence(e.Message)} (line {line + 1}, byte {e.BytePositionInLine + 1})" : FirstSentence(e.Message);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
