using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>The query of a score series: from, to, step, knownAt, halfLifeDays (<see cref="SeriesRequest"/> gives the defaults).</summary>
public class SeriesQuery
{
    [FromQuery(Name = "from")] public CalendarDate? From { get; set; }
    [FromQuery(Name = "to")] public CalendarDate? To { get; set; }
    [FromQuery(Name = "step")] public SeriesStep? Step { get; set; }
    [FromQuery(Name = "knownAt")] public Instant? KnownAt { get; set; }
    [FromQuery(Name = "halfLifeDays")] public HalfLife? HalfLifeDays { get; set; }
}
