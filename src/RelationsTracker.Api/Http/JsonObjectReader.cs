using System.Text.Json;

namespace RelationsTracker.Api.Http;

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
