using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Developments.Timeline;
using RelationsTracker.Api.Http;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>The relation list's query: a point of view, and a page of the relations by id.</summary>
public sealed class RelationListQuery : PointOfViewQuery
{
    [FromQuery(Name = "limit"), Description(TimelineQuery.LimitDescription)]
    public PageLimit? Limit { get; set; }

    [FromQuery(Name = "cursor"), Description(TimelineQuery.CursorDescription)]
    public PageCursor? Cursor { get; set; }
}
