using System.Globalization;
using System.Text;

namespace RelationsTracker.Api.Http;

/// <summary>
/// A CSV answer as RFC 4180 writes it: a header row, CRLF line ends, a field quoted (its quotes doubled) when it holds a
/// comma, a quote or a line break, UTF-8. Values are written as they are, numbers in the invariant culture.
/// </summary>
public sealed class CsvTable(params string[] header)
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly StringBuilder _text = new StringBuilder().Append(Row(header));

    public CsvTable Add(params object?[] fields)
    {
        _text.Append(Row(fields.Select(f => f switch
        {
            null => "",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => f.ToString() ?? "",
        })));
        return this;
    }

    /// <summary>The table as a 200 of text/csv, named <paramref name="fileName"/> for a browser that saves it.</summary>
    public IResult Result(string fileName, HttpResponse response)
    {
        response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        return TypedResults.Text(_text.ToString(), ContentType, Encoding.UTF8);
    }

    private static string Row(IEnumerable<string> fields) => string.Join(',', fields.Select(Quoted)) + "\r\n";

    private static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";
}
