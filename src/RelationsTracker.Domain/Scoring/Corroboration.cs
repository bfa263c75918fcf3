using RelationsTracker.Developments;

namespace RelationsTracker.Scoring;

/// <summary>
/// How independently a development is sourced (scoring.md, "Corroboration"): k distinct source keys among its own
/// sources and its confirming reports, d among its disputing reports that are not also among those, and the factor
/// c = min(2, max(0.25, 1 + 0.25·(k − 1) − 0.5·d)). Only reports recorded by knownAt count.
/// </summary>
public sealed record Corroboration(int K, int D, double C)
{
    /// <summary>A source's key: its publisher (trimmed, any case), else its URL's host (lower case, no leading www.), else its citation (trimmed).</summary>
    public static string Key(Source source)
    {
        if (source.Publisher?.Trim() is { Length: > 0 } publisher) return "publisher:" + publisher.ToLowerInvariant();
        if (source.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var host = uri.Host.ToLowerInvariant();
            return "host:" + (host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host);
        }
        return "citation:" + (source.Citation ?? "").Trim();
    }

    public static Corroboration Of(Development development, DateTimeOffset knownAt) => Of(DevelopmentHistory.Of(development), knownAt);

    public static Corroboration Of(DevelopmentHistory development, DateTimeOffset knownAt)
    {
        var reports = development.Reports.Where(r => r.RecordedAt <= knownAt).ToList();
        // Publishers compare ignoring case as the spec says; hosts are lower case already; citations compare as written.
        var confirming = development.Sources.Select(Key)
            .Concat(reports.Where(r => r.Stance == ReportStance.Confirms).Select(r => r.SourceKey))
            .ToHashSet(StringComparer.Ordinal);
        var disputing = reports.Where(r => r.Stance == ReportStance.Disputes).Select(r => r.SourceKey)
            .Where(key => !confirming.Contains(key)).ToHashSet(StringComparer.Ordinal);
        var (k, d) = (confirming.Count, disputing.Count);
        return new Corroboration(k, d, Math.Min(2.0, Math.Max(0.25, 1 + 0.25 * (k - 1) - 0.5 * d)));
    }
}
