using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Scoring;
using RelationsTracker.Api.Developments.Timeline;
using RelationsTracker.Api.Http;

namespace RelationsTracker.Api.Relations.Revisions;

/// <summary>The revisions' query: the span of recorded time, the day the score is read at, the half-life, a page.</summary>
public sealed class RevisionsQuery
{
    [FromQuery(Name = "since"), Description("Revisions recorded after this instant (ISO 8601 with Z or an offset). Default: from the first.")]
    public Instant? Since { get; set; }

    [FromQuery(Name = "until"), Description("Revisions recorded at or before this instant. Default: now.")]
    public Instant? Until { get; set; }

    [FromQuery(Name = "asOf"), Description("The day each revision's score before and after is read at. " + PointOfViewQuery.AsOfDescription)]
    public CalendarDate? AsOf { get; set; }

    [FromQuery(Name = "halfLifeDays"), Description(PointOfViewQuery.HalfLifeDescription)]
    public HalfLife? HalfLifeDays { get; set; }

    [FromQuery(Name = "limit"), Description("At most this many revisions (1 to 1,000; default 100); the answer's next is the next page's URL.")]
    public PageLimit? Limit { get; set; }

    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
