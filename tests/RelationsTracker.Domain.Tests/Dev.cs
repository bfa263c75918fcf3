using RelationsTracker.Developments;

namespace RelationsTracker.Domain.Tests;

/// <summary>Builds development histories for tests.</summary>
internal static class Dev
{
    private static long _version;

    public static Development Of(
        DevelopmentType type,
        string occurredOn,
        Significance significance = Significance.Normal,
        string actor = "TUR",
        DateTimeOffset? recordedAt = null,
        string? agreement = null,
        string? title = null,
        Mission? mission = null)
    {
        var version = Interlocked.Increment(ref _version);
        var e = DevelopmentRecorded.Blank(type) with
        {
            DevelopmentId = Guid.NewGuid(),
            OccurredOn = OccurrenceDate.Parse(occurredOn),
            Actor = actor,
            Summary = $"{type} on {occurredOn}",
            Significance = significance,
            Sources = [new Source { Citation = "test" }],
        };
        e = e switch
        {
            AgreementDevelopment a => a with { Agreement = agreement ?? "an-agreement", Title = title },
            MissionDevelopment m => m with { Mission = mission ?? new Mission("TUR", "consulate", "Benghazi") },
            _ => e,
        };
        return Development.Recorded("LBY-EAST~TUR", e, recordedAt ?? new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(version), version);
    }
}
