using System.Text.Unicode;
using System.Text.Json;

namespace RelationsTracker.Api.Infrastructure;

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

/// <summary>Reads the fields of one JSON object, recording an error for each that is missing, mistyped or unknown.</summary>
public sealed class JsonObjectReader
{
    private readonly JsonElement _object;
    private readonly string _path;
    private readonly HashSet<string> _read = new(8, StringComparer.Ordinal); // sized for a development's fields: no regrowth per row of an import

    public FieldErrors Errors { get; }

    private JsonObjectReader(JsonElement obj, string path, FieldErrors errors) => (_object, _path, Errors) = (obj, path, errors);

    /// <summary>A reader for the body, or null (with an error recorded) when the body is not an object.</summary>
    public static JsonObjectReader? ForBody(JsonElement root, FieldErrors errors) => ForObject(root, "", "body", errors);

    public static JsonObjectReader? ForObject(JsonElement element, string path, string label, FieldErrors errors)
    {
        if (element.ValueKind == JsonValueKind.Object) return new JsonObjectReader(element, path, errors);
        errors.Add(path == "" ? label : path, $"must be a JSON object, not {Kind(element)}");
        return null;
    }

    public string PathOf(string name) => _path == "" ? name : $"{_path}.{name}";

    /// <summary>The property, or null when absent. A JSON null counts as absent only when <paramref name="nullAllowed"/>.</summary>
    public JsonElement? Property(string name, bool required = false, bool nullAllowed = false)
    {
        _read.Add(name);
        if (!_object.TryGetProperty(name, out var value))
        {
            if (required) Errors.Add(PathOf(name), "is required");
            return null;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (required) Errors.Add(PathOf(name), "is required and must not be null");
            else if (!nullAllowed) Errors.Add(PathOf(name), "must not be null; leave it out instead");
            return null;
        }
        return value;
    }

    /// <summary>A string property of 1 to <paramref name="maxLength"/> characters that is not only white space.</summary>
    public string? String(string name, bool required, int maxLength)
    {
        if (Property(name, required) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(PathOf(name), $"must be a string, not {Kind(value)}");
            return null;
        }
        var text = value.GetString()!;
        if (TextProblem(text, maxLength) is { } problem)
        {
            Errors.Add(PathOf(name), problem);
            return null;
        }
        return text;
    }

    /// <summary>Why a text field's value is refused (empty, only white space, a control character, too long), or null.</summary>
    public static string? TextProblem(string text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text)) return "must not be empty or only white space";
        // One pass over the characters (an import runs this for every field of every row): the length in Unicode
        // characters (a surrogate pair counts once), and whether a control character is among them.
        var length = 0;
        var control = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))) length++;
            // PostgreSQL's jsonb cannot hold NUL, and no report needs control characters besides tab and line breaks.
            if (c < ' ' && c is not ('\t' or '\n' or '\r')) control = true;
        }
        if (control) return "must not contain control characters (tab and line breaks are fine)";
        if (length > maxLength) return $"must be at most {maxLength:N0} characters (it has {length:N0})";
        return null;
    }

    /// <summary>An array property of at most <paramref name="maxItems"/> items.</summary>
    public IReadOnlyList<JsonElement>? Array(string name, bool required, int maxItems)
    {
        if (Property(name, required) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(PathOf(name), $"must be an array, not {Kind(value)}");
            return null;
        }
        var items = value.EnumerateArray().ToList();
        if (items.Count > maxItems)
        {
            Errors.Add(PathOf(name), $"must have at most {maxItems} items (it has {items.Count})");
            return null;
        }
        return items;
    }

    /// <summary>Records an error for every property that was not read: unknown fields are refused, not ignored.</summary>
    public void RejectUnknownProperties()
    {
        foreach (var property in _object.EnumerateObject())
        {
            if (!_read.Contains(property.Name)) Errors.Add(PathOf(property.Name), "is not a known field");
        }
    }

    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
