using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Scoring;
using RelationsTracker.Api.Http;

namespace RelationsTracker.Api.Relations.Digests;

/// <summary>The digest's query: the month, and the knownAt and half-life of every read.</summary>
public sealed class DigestQuery
{
    [FromQuery(Name = "month"), Description("The month, YYYY-MM. Default: this month (UTC).")]
    public CalendarMonth? Month { get; set; }

    [FromQuery(Name = "knownAt"), Description(PointOfViewQuery.KnownAtDescription)]
    public Instant? KnownAt { get; set; }

    [FromQuery(Name = "halfLifeDays"), Description(PointOfViewQuery.HalfLifeDescription)]
    public HalfLife? HalfLifeDays { get; set; }
}
