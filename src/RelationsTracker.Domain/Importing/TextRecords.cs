using System.Text;

namespace RelationsTracker.Importing;

/// <summary>
/// Reads records from text one at a time, never holding more than one record: a file of any length is read in
/// bounded memory. A record longer than <see cref="MaxRecordLength"/> characters is reported as bad and skipped
/// to the end of its line, so one runaway record (an unclosed quote, a file that is not text) cannot take the
/// memory either.
/// </summary>
public static class TextRecords
{
    public const int MaxRecordLength = 100_000;

    /// <summary>What the import's decoder puts for bytes that are not UTF-8: a noncharacter, never in text that was valid.</summary>
    public const char InvalidBytes = '\uFDD0';

    /// <summary>
    /// Tab-separated lines with no quoting, as GDELT publishes them (a field never holds a tab or a newline).
    /// Lines that are empty are skipped; a trailing carriage return is dropped.
    /// </summary>
    public static IEnumerable<TextRecord> TabSeparated(TextReader reader)
    {
        var line = new StringBuilder();
        long number = 0;
        while (true)
        {
            line.Clear();
            var tooLong = false;
            int c;
            while ((c = reader.Read()) is not (-1 or '\n'))
            {
                if (line.Length < MaxRecordLength) line.Append((char)c);
                else tooLong = true;
            }
            if (c == -1 && line.Length == 0) yield break;
            number++;
            if (line.Length > 0 && line[^1] == '\r') line.Length--;
            if (tooLong)
                yield return new TextRecord(number, [], $"the line is longer than {MaxRecordLength:N0} characters");
            else if (line.Length > 0)
                yield return new TextRecord(number, line.ToString().Split('\t'), null);
            if (c == -1) yield break;
        }
    }

    /// <summary>
    /// Comma-separated values as RFC 4180 has them: fields may be quoted with <c>"</c>, a quote inside a quoted
    /// field is doubled, and a quoted field may hold commas and line breaks. Records end with CRLF or LF. A
    /// record's line is the line it starts on. Blank lines are skipped.
    /// </summary>
    public static IEnumerable<TextRecord> CommaSeparated(TextReader reader)
    {
        var field = new StringBuilder();
        var fields = new List<string>();
        long line = 1;
        var length = 0;
        while (true)
        {
            fields.Clear();
            field.Clear();
            var start = line;
            length = 0;
            string? error = null;
            var c = reader.Read();
            if (c == -1) yield break;
            if (c == '\n' || (c == '\r' && reader.Peek() == '\n'))
            {
                if (c == '\r') reader.Read();
                line++;
                continue; // a blank line
            }

            // One record: fields until an unquoted line break or the end.
            while (true)
            {
                if (c == '"' && field.Length == 0)
                {
                    // A quoted field: up to the closing quote, with "" for a quote.
                    var closed = false;
                    while ((c = reader.Read()) != -1)
                    {
                        if (c == '"')
                        {
                            if (reader.Peek() == '"')
                            {
                                reader.Read();
                                Append('"');
                                continue;
                            }
                            closed = true;
                            break;
                        }
                        if (c == '\n') line++;
                        Append((char)c);
                    }
                    if (!closed)
                    {
                        error ??= "a quoted field is not closed before the end of the file";
                        c = -1;
                    }
                    else
                    {
                        c = reader.Read();
                        if (c is not (-1 or ',' or '\n' or '\r'))
                        {
                            error ??= "text follows the closing quote of a field";
                            while (c is not (-1 or ',' or '\n')) c = reader.Read();
                        }
                    }
                }
                else
                {
                    while (c is not (-1 or ',' or '\n'))
                    {
                        if (c == '\r' && reader.Peek() == '\n') { c = reader.Read(); break; }
                        if (c == '"') error ??= "a quote inside a field that does not start with one (quote the whole field and double the quote)";
                        Append((char)c);
                        c = reader.Read();
                    }
                }

                if (c == '\r' && reader.Peek() == '\n') c = reader.Read();
                fields.Add(field.ToString());
                field.Clear();
                if (c == ',')
                {
                    c = reader.Read();
                    continue;
                }
                if (c == '\n') line++;
                break;
            }

            if (length > MaxRecordLength) error = $"the record is longer than {MaxRecordLength:N0} characters (an unclosed quote?)";
            yield return new TextRecord(start, error is null ? fields.ToArray() : [], error);
            if (c == -1) yield break;
        }

        void Append(char ch)
        {
            // Past the limit the record is bad; keep reading it (bounded) to find where the next one starts.
            if (++length <= MaxRecordLength) field.Append(ch);
        }
    }
}
