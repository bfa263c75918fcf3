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
}
