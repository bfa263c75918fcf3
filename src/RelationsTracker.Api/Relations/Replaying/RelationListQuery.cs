using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Relations;
using RelationsTracker.Api.Developments.Timeline;
using RelationsTracker.Api.Http;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>The relation list's query: a point of view, an actor's relations only if one is named, and a page of the relations by id.</summary>
public sealed class RelationListQuery : PointOfViewQuery
{
    [FromQuery(Name = "actor"), Description("Only the relations of this actor (its view: every relation it is in).")]
    public ActorName? Actor { get; set; }

    [FromQuery(Name = "limit"), Description(TimelineQuery.LimitDescription)]
    public PageLimit? Limit { get; set; }

    [FromQuery(Name = "cursor"), Description(TimelineQuery.CursorDescription)]
    public PageCursor? Cursor { get; set; }
}
