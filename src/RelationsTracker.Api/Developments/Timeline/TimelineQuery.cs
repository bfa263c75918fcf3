using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Relations;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Developments;

namespace RelationsTracker.Api.Developments.Timeline;

/// <summary>The timeline's query: a point of view, from/to bounding the developments' effective dates, what to find, and the page.</summary>
public sealed class TimelineQuery : PointOfViewQuery
{
    [FromQuery(Name = "from"), Description(SeriesQuery.FromDescription)]
    public CalendarDate? From { get; set; }

    [FromQuery(Name = "to"), Description(SeriesQuery.ToDescription)]
    public CalendarDate? To { get; set; }

    [FromQuery(Name = "q"), Description("Only developments whose summary, actor, type, title, mission city or a source's publisher, citation or URL holds this text (ignoring case).")]
    public string? Text { get; set; }

    [FromQuery(Name = "type"), Description("Only developments of these catalogue types, comma separated (OfficialVisit,MilitaryCooperation).")]
    public DevelopmentTypeFilter? Type { get; set; }

    [FromQuery(Name = "actor"), Description("Only developments by this actor (who acted).")]
    public ActorName? Actor { get; set; }

    [FromQuery(Name = "significance"), Description("Only developments of these significances, comma separated (high or low,normal).")]
    public SignificanceFilter? Significance { get; set; }

    /// <summary>What the query looks for, as the domain's filter (absent criteria take all).</summary>
    public TimelineFilter Filter() => new(Text is { Length: > 0 } text ? text : null, Type?.Types, Actor?.Id, Significance?.Significances);

    [FromQuery(Name = "limit"), Description(LimitDescription)]
    public PageLimit? Limit { get; set; }

    [FromQuery(Name = "cursor"), Description(CursorDescription)]
    public PageCursor? Cursor { get; set; }

    public const string LimitDescription = "At most this many items (1 to 10,000; default 1,000); the answer's next is the next page's URL.";
    public const string CursorDescription = "Where the page starts: from the next link of the page before (opaque).";
}
