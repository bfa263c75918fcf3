using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Scoring;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;

namespace RelationsTracker.Api.Dashboard;

/// <summary>The score chart's query: a series, the asOf its marker stands at, and what it draws beside it.</summary>
public sealed class ScoreChartQuery : SeriesQuery
{
    [FromQuery(Name = "asOf"), Description(PointOfViewQuery.AsOfDescription)]
    public CalendarDate? AsOf { get; set; }

    [FromQuery(Name = "compare"), Description("Other relations to draw on the same chart, comma separated (GRC~TUR,LBY-WEST~TUR): 1 to 4, each in a colour of its own, at the same knownAt and half-life.")]
    public ComparedRelations? Compare { get; set; }

    [FromQuery(Name = "alsoWeighting"), Description("Draw also the relation's score under this other weighting (plain or corroborated), dotted, beside the one under weighting.")]
    public WeightingName? AlsoWeighting { get; set; }

    [FromQuery(Name = "alsoKnownAt"), Description("Draw also, dashed, the relation's score as it was known at this instant (what did we know when), beside the one known at knownAt.")]
    public Instant? AlsoKnownAt { get; set; }
}
