using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RelationsTracker.Developments;

/// <summary>
/// A place in a timeline's order (effective date, recorded time, stream version: <see cref="DevelopmentFacts.Chronological"/>),
/// what a page's cursor holds: the next page starts after it, whatever was recorded in between.
/// </summary>
public sealed record TimelinePosition(DateOnly EffectiveDate, long RecordedTicks, long Version)
{
    public static TimelinePosition Of(DevelopmentFacts facts) => new(facts.EffectiveDate, facts.RecordedAt.UtcTicks, facts.Version);

    /// <summary>Whether the development comes after this position.</summary>
    public bool IsBefore(DevelopmentFacts facts)
    {
        var c = facts.EffectiveDate.CompareTo(EffectiveDate);
        if (c != 0) return c > 0;
        c = facts.RecordedAt.UtcTicks.CompareTo(RecordedTicks);
        return c != 0 ? c > 0 : facts.Version > Version;
    }

    public override string ToString() => $"{EffectiveDate:yyyy-MM-dd}|{RecordedTicks}|{Version}";

    public static bool TryParse(string text, [NotNullWhen(true)] out TimelinePosition? position)
    {
        position = null;
        var parts = text.Split('|');
        if (parts.Length != 3
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return false;
        position = new TimelinePosition(date, ticks, version);
        return true;
    }
}
