using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Relations;

/// <summary>The query of a bitemporal read: asOf, knownAt, halfLifeDays (defaults: today, now, the model's default).</summary>
public class PointOfViewQuery
{
    [FromQuery(Name = "asOf")] public CalendarDate? AsOf { get; set; }
    [FromQuery(Name = "knownAt")] public Instant? KnownAt { get; set; }
    [FromQuery(Name = "halfLifeDays")] public HalfLife? HalfLifeDays { get; set; }

    public PointOfView View(TimeProvider clock) =>
        new(AsOf?.Value ?? clock.Today(), KnownAt?.Value ?? clock.GetUtcNow(), HalfLifeDays?.Days ?? WarmingScore.DefaultHalfLifeDays);
}
