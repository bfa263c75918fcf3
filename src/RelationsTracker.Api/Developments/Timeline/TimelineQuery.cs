using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;

namespace RelationsTracker.Api.Developments.Timeline;

/// <summary>The timeline's query: a point of view, and from/to bounding the developments' effective dates.</summary>
public sealed class TimelineQuery : PointOfViewQuery
{
    [FromQuery(Name = "from"), Description(SeriesQuery.FromDescription)]
    public CalendarDate? From { get; set; }

    [FromQuery(Name = "to"), Description(SeriesQuery.ToDescription)]
    public CalendarDate? To { get; set; }

    [FromQuery(Name = "limit"), Description(LimitDescription)]
    public PageLimit? Limit { get; set; }

    [FromQuery(Name = "cursor"), Description(CursorDescription)]
    public PageCursor? Cursor { get; set; }

    public const string LimitDescription = "At most this many items (1 to 10,000; default 1,000); the answer's next is the next page's URL.";
    public const string CursorDescription = "Where the page starts: from the next link of the page before (opaque).";
}
