namespace RelationsTracker.Importing;

/// <summary>The CSV header: which column holds which field.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index;

    public int Count { get; }

    private CsvHeader(Dictionary<string, int> index, int count) => (_index, Count) = (index, count);

    public int? IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : null;

    public static (CsvHeader? Header, string? Error) Parse(IReadOnlyList<string> fields)
    {
        const string expected = "relation,type,occurredOn,actor,significance,summary,source";
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = ImportRows.CsvColumns.FirstOrDefault(c => string.Equals(c, fields[i].Trim().TrimStart('\uFEFF'), StringComparison.OrdinalIgnoreCase));
            if (name is null) return (null, $"The CSV header must name the columns {expected} (significance may be left out); '{fields[i]}' is not one of them.");
            if (!index.TryAdd(name, i)) return (null, $"The CSV header names '{name}' twice.");
        }
        var missing = ImportRows.CsvColumns.Where(c => c != "significance" && !index.ContainsKey(c)).ToList();
        return missing.Count > 0
            ? (null, $"The CSV header must name the columns {expected} (significance may be left out); missing: {string.Join(", ", missing)}.")
            : (new CsvHeader(index, fields.Count), null);
    }
}
