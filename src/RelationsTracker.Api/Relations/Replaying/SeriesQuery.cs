using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>The query of a score series: from, to, step, knownAt, halfLifeDays (<see cref="SeriesRequest"/> gives the defaults).</summary>
public class SeriesQuery
{
    [FromQuery(Name = "from"), Description(FromDescription)]
    public CalendarDate? From { get; set; }

    [FromQuery(Name = "to"), Description(ToDescription)]
    public CalendarDate? To { get; set; }

    [FromQuery(Name = "step"), Description(StepDescription)]
    public SeriesStep? Step { get; set; }

    [FromQuery(Name = "knownAt"), Description(PointOfViewQuery.KnownAtDescription)]
    public Instant? KnownAt { get; set; }

    [FromQuery(Name = "halfLifeDays"), Description(PointOfViewQuery.HalfLifeDescription)]
    public HalfLife? HalfLifeDays { get; set; }

    [FromQuery(Name = "weighting"), Description(PointOfViewQuery.WeightingDescription)]
    public WeightingName? Weighting { get; set; }

    // One text each for the series and the timeline, which both take from and to.
    public const string FromDescription =
        "The first date (YYYY-MM-DD): of the score series (default: a year before to; for score.svg, the month before the first development), " +
        "or of the developments' effective dates (default: no bound).";
    public const string ToDescription =
        "The last date (YYYY-MM-DD): of the score series (default: today, UTC; for score.svg, asOf), or of the developments' effective dates (default: no bound).";
    public const string StepDescription =
        "The distance between points: a day, 7 days or a calendar month (same day of month, clamped). At most " + SeriesRange.MaxPointsText + " points.";
}
