using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;

namespace RelationsTracker.Api.Dashboard;

/// <summary>The score chart's query: a series, and the asOf its marker stands at.</summary>
public sealed class ScoreChartQuery : SeriesQuery
{
    [FromQuery(Name = "asOf"), Description(PointOfViewQuery.AsOfDescription)]
    public CalendarDate? AsOf { get; set; }
}
