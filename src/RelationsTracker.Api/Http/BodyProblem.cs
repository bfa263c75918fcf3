using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Http;

/// <summary>Why a JSON body cannot be bound to its type, named by field (<c>sources[0].url</c>), or none.</summary>
public sealed record BodyProblem(string Field, string Message)
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = JsonBodies.MaxDepth };

    public static BodyProblem? Of(byte[] bytes, Type type, JsonSerializerOptions options)
    {
        // The parser checks UTF-8 only where it must; strings are decoded later. Check it all now.
        if (!Utf8.IsValid(bytes)) return new("body", "The body is not valid UTF-8.");
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty) return new("body", "The body is empty: send a JSON object.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Strict);
        }
        catch (JsonException e)
        {
            return new("body", $"The body is not valid JSON: {Describe(e)}");
        }
        using var _ = document;
        if (document.RootElement.ValueKind != JsonValueKind.Object) return new("body", $"must be a JSON object, not {KindOf(document.RootElement)}");
        var typeInfo = options.GetTypeInfo(type);
        try
        {
            JsonSerializer.Deserialize(bytes, typeInfo);
        }
        catch (JsonException e)
        {
            return Explain(e, document.RootElement, typeInfo);
        }
        return FirstNull(document.RootElement, typeInfo, "body");
    }

    /// <summary>A JSON null where a field of an <see cref="AbsentNotNullAttribute"/> type is given: a field is a value or left out.</summary>
    private static BodyProblem? FirstNull(JsonElement element, JsonTypeInfo info, string field)
    {
        if (element.ValueKind == JsonValueKind.Array && info.ElementType is { } itemType)
        {
            var itemInfo = info.Options.GetTypeInfo(itemType);
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                var itemField = $"{field}[{i++}]";
                if (item.ValueKind == JsonValueKind.Null) return new(itemField, "must not be null");
                if (FirstNull(item, itemInfo, itemField) is { } problem) return problem;
            }
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object || info.Kind != JsonTypeInfoKind.Object
            || !info.Type.IsDefined(typeof(AbsentNotNullAttribute), inherit: false)) return null;
        foreach (var property in info.Properties)
        {
            if (!element.TryGetProperty(property.Name, out var value)) continue;
            var name = Join(field, property.Name);
            if (value.ValueKind == JsonValueKind.Null)
                return new(name, property.IsRequired ? "is required and must not be null" : "must not be null; leave it out instead");
            if (FirstNull(value, info.Options.GetTypeInfo(property.PropertyType), name) is { } problem) return problem;
        }
        return null;
    }

    private static BodyProblem Explain(JsonException e, JsonElement root, JsonTypeInfo rootType)
    {
        var path = e.Path ?? "$";
        var field = FieldOf(path);
        if (e.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
            return new("body", $"names '{field}' more than once");
        var (element, typeInfo) = Walk(root, rootType, path);
        if (typeInfo is null) return new(field, "is not a known field");
        if (element is not { } value) return new(field, "is not valid here");
        if (typeInfo.Kind == JsonTypeInfoKind.Object && value.ValueKind == JsonValueKind.Object)
        {
            var missing = typeInfo.Properties.Where(p => p.IsRequired && !value.TryGetProperty(p.Name, out _)).Select(p => p.Name).FirstOrDefault();
            return missing is null ? new(field, "is not valid here") : new(Join(field, missing), "is required");
        }
        var expected = Expected(typeInfo);
        if (value.ValueKind == JsonValueKind.String && expected == "a string")
            return new(field, "is not valid Unicode text: it holds an unpaired surrogate escape (\\ud800 to \\udfff)");
        return new(field, $"must be {expected}, not {KindOf(value)}");
    }

    /// <summary>The element at a JSON path such as <c>$.sources[0].url</c>, and the type the body's type expects there (null: no such member).</summary>
    private static (JsonElement? Element, JsonTypeInfo? Type) Walk(JsonElement root, JsonTypeInfo type, string path)
    {
        JsonElement? element = root;
        JsonTypeInfo? info = type;
        var i = 1; // after '$'
        while (i < path.Length && info is not null)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                var name = end < 0 ? path[(i + 1)..] : path[(i + 1)..end];
                i = end < 0 ? path.Length : end;
                var property = info.Properties.FirstOrDefault(p => p.Name == name);
                info = property is null ? null : info.Options.GetTypeInfo(property.PropertyType);
                element = element is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? v : null;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                var index = int.Parse(path.AsSpan(i + 1, end - i - 1));
                i = end + 1;
                info = info.ElementType is { } elementType ? info.Options.GetTypeInfo(elementType) : null;
                element = element is { ValueKind: JsonValueKind.Array } a && index < a.GetArrayLength() ? a[index] : null;
            }
            else break;
        }
        return (element, info);
    }

    /// <summary><c>$.sources[0].url</c> as the errors name it: <c>sources[0].url</c>.</summary>
    private static string FieldOf(string path) => path.Length <= 2 ? "body" : path[2..];

    private static string Join(string field, string name) => field == "body" ? name : $"{field}.{name}";

    private static string Expected(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "a boolean",
            _ when type.IsPrimitive || type == typeof(decimal) => "a number",
            _ => "another value",
        };
    }

    public static string KindOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Describe(JsonException e)
    {
        var text = Plain(e.Message);
        return e.LineNumber is { } line ? $"{text} (line {line + 1}, byte {e.BytePositionInLine + 1})" : text;
    }

    // The reader's messages, without their position (said after them) and their advice to the caller of the reader.
    private static string Plain(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).TrimEnd(' ', '|');
        text = text.Replace(" which is not supported in this mode", "", StringComparison.Ordinal)
            .Replace(" Change the reader options.", "", StringComparison.Ordinal)
            .Replace(", when isFinalBlock is true", "", StringComparison.Ordinal);
        return text.TrimEnd('.');
    }
}
