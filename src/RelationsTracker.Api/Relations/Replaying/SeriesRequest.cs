using RelationsTracker.Api.Http;
using RelationsTracker.Scoring;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>The series a query asks for, with its defaults: from, to (the year up to today), step, knownAt, halfLifeDays.</summary>
public static class SeriesRequest
{
    public static (SeriesRange? Range, FieldErrors Errors) Of(SeriesQuery query, TimeProvider clock) =>
        Of(query, clock, clock.Today(), (to, _) => to.AddYears(-1), (_, _) => "day");

    /// <summary>
    /// The same with other defaults (the score chart's): <paramref name="defaultFrom"/> is given to and knownAt,
    /// <paramref name="defaultStep"/> from and to.
    /// </summary>
    public static (SeriesRange? Range, FieldErrors Errors) Of(SeriesQuery query, TimeProvider clock, DateOnly defaultTo,
        Func<DateOnly, DateTimeOffset, DateOnly> defaultFrom, Func<DateOnly, DateOnly, string> defaultStep)
    {
        var knownAt = query.KnownAt?.Value ?? clock.GetUtcNow();
        var to = query.To?.Value ?? defaultTo;
        var from = query.From?.Value ?? defaultFrom(to, knownAt);
        return SeriesRange.Of(from, to, query.Step?.Name ?? defaultStep(from, to), knownAt,
            query.HalfLifeDays?.Days ?? WarmingScore.DefaultHalfLifeDays, query.Weighting?.Weighting ?? Weighting.Plain);
    }
}
