using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Relations;

/// <summary>The query of a bitemporal read: asOf, knownAt, halfLifeDays (defaults: today, now, the model's default).</summary>
public class PointOfViewQuery
{
    [FromQuery(Name = "asOf"), Description(AsOfDescription)]
    public CalendarDate? AsOf { get; set; }

    [FromQuery(Name = "knownAt"), Description(KnownAtDescription)]
    public Instant? KnownAt { get; set; }

    [FromQuery(Name = "halfLifeDays"), Description(HalfLifeDescription)]
    public HalfLife? HalfLifeDays { get; set; }

    [FromQuery(Name = "weighting"), Description(WeightingDescription)]
    public WeightingName? Weighting { get; set; }

    public const string AsOfDescription =
        "The relation as it stood at the end of this calendar day (YYYY-MM-DD, year 1000 or later). Default: today (UTC).";
    public const string KnownAtDescription =
        "Counting only what had been recorded by this instant (ISO 8601 with Z or an offset, such as 2025-09-01T12:00:00Z; " +
        "a recordedAt passed back includes that write). Default: now.";
    public const string HalfLifeDescription = "The half-life of a development's contribution, in days (scoring.md).";
    public const string WeightingDescription =
        "plain (default): every development counts its weight; corroborated: each contribution is multiplied by its corroboration factor c (scoring.md, \"Corroboration\").";

    public PointOfView View(TimeProvider clock) =>
        new(AsOf?.Value ?? clock.Today(), KnownAt?.Value ?? clock.GetUtcNow(), HalfLifeDays?.Days ?? WarmingScore.DefaultHalfLifeDays,
            Weighting?.Weighting ?? RelationsTracker.Scoring.Weighting.Plain);
}
