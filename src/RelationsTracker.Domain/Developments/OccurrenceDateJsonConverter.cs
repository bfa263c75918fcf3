using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelationsTracker.Developments;

public sealed class OccurrenceDateJsonConverter : JsonConverter<OccurrenceDate>
{
    public override OccurrenceDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return OccurrenceDate.TryParse(text, out var date)
            ? date
            : throw new JsonException($"'{text}' is not {OccurrenceDate.FormatDescription}");
    }

    public override void Write(Utf8JsonWriter writer, OccurrenceDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
