using System.Buffers;
using System.Text;
using System.Text.Json;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// JSON written as PostgreSQL prints it back from a <c>jsonb</c> column, in UTF-8: each object's keys shorter first,
/// then by their bytes; ", " and ": " between; strings escaped as PostgreSQL escapes them; numbers as they were
/// written. The same JSON as the input, so where it equals a stored document's text the document already holds
/// exactly this value; where PostgreSQL would print the value otherwise (a number it rewrites, an escaped key), the
/// texts differ and the caller writes it again, which is never wrong. Lets the service compare documents without
/// PostgreSQL parsing them.
/// </summary>
public static class JsonbText
{
    public static void Write(ReadOnlySpan<byte> json, ArrayBufferWriter<byte> output)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        WriteValue(json, ref reader, output);
    }

    /// <summary>The value <paramref name="reader"/> is at, which <paramref name="json"/> holds from its first byte.</summary>
    private static void WriteValue(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, ArrayBufferWriter<byte> output)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                WriteObject(json, ref reader, output);
                break;
            case JsonTokenType.StartArray:
                Append(output, "["u8);
                for (var first = true; reader.Read() && reader.TokenType != JsonTokenType.EndArray; first = false)
                {
                    if (!first) Append(output, ", "u8);
                    WriteValue(json, ref reader, output);
                }
                Append(output, "]"u8);
                break;
            case JsonTokenType.String when reader.ValueIsEscaped:
                WriteEscaped(ref reader, output);
                break;
            case JsonTokenType.String:
                Append(output, "\""u8);
                Append(output, reader.ValueSpan);
                Append(output, "\""u8);
                break;
            default:
                Append(output, reader.ValueSpan);
                break;
        }
    }

    private static void WriteObject(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, ArrayBufferWriter<byte> output)
    {
        // Each member's key and value as offsets from the object's start, sorted as jsonb keeps its keys (by length,
        // then bytes). A number, a literal or a string without escapes is copied as written; the others are read again.
        // An escaped key is copied as written: the text then differs from PostgreSQL's, and the document is written.
        Span<(int Key, int KeyLength, int Value, int ValueLength, bool Copied)> members = stackalloc (int, int, int, int, bool)[32];
        var count = 0;
        var origin = (int)reader.TokenStartIndex;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var (key, keyLength) = ((int)reader.TokenStartIndex + 1 - origin, reader.ValueSpan.Length);
            reader.Read();
            var value = (int)reader.TokenStartIndex - origin;
            var copied = reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) && !reader.ValueIsEscaped;
            reader.Skip();
            if (count == members.Length) { var more = members.ToArray(); Array.Resize(ref more, count * 2); members = more; }
            members[count++] = (key, keyLength, value, (int)reader.BytesConsumed - origin - value, copied);
        }
        var span = json[origin..(int)reader.BytesConsumed];
        for (var i = 1; i < count; i++)
            for (var j = i; j > 0 && Compare(span, members[j - 1], members[j]) > 0; j--)
                (members[j - 1], members[j]) = (members[j], members[j - 1]);

        Append(output, "{"u8);
        for (var i = 0; i < count; i++)
        {
            if (i > 0) Append(output, ", "u8);
            Append(output, span.Slice(members[i].Key - 1, members[i].KeyLength + 2));
            Append(output, ": "u8);
            var value = span.Slice(members[i].Value, members[i].ValueLength);
            if (members[i].Copied) Append(output, value);
            else Write(value, output);
        }
        Append(output, "}"u8);
    }

    private static int Compare(ReadOnlySpan<byte> json, (int Key, int KeyLength, int, int, bool) x, (int Key, int KeyLength, int, int, bool) y) =>
        x.KeyLength != y.KeyLength ? x.KeyLength.CompareTo(y.KeyLength) : json.Slice(x.Key, x.KeyLength).SequenceCompareTo(json.Slice(y.Key, y.KeyLength));

    // PostgreSQL's escape_json: the two JSON metacharacters, five short escapes, other control characters as \u00xx;
    // every other character as itself.
    private static void WriteEscaped(ref Utf8JsonReader reader, ArrayBufferWriter<byte> output)
    {
        var value = new byte[reader.ValueSpan.Length];
        Append(output, "\""u8);
        foreach (var b in value.AsSpan(0, reader.CopyString(value)))
        {
            if (b >= 0x20 && b != '"' && b != '\\') Append(output, [b]);
            else Append(output, b switch
            {
                (byte)'"' => "\\\""u8, (byte)'\\' => "\\\\"u8, (byte)'\b' => "\\b"u8, (byte)'\f' => "\\f"u8,
                (byte)'\n' => "\\n"u8, (byte)'\r' => "\\r"u8, (byte)'\t' => "\\t"u8,
                _ => Encoding.ASCII.GetBytes($"\\u{b:x4}"),
            });
        }
        Append(output, "\""u8);
    }

    private static void Append(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
