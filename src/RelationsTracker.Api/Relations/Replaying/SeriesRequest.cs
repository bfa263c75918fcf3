using RelationsTracker.Api.Http;
using RelationsTracker.Scoring;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>The parameters of a score series: from, to (default: the year up to today), step, knownAt, halfLifeDays.</summary>
public sealed record SeriesRequest(DateOnly From, DateOnly To, string Step, DateTimeOffset KnownAt, int HalfLifeDays, Weighting Weighting = Weighting.Plain)
{
    public static (SeriesRequest? Request, FieldErrors Errors) Of(SeriesQuery query, TimeProvider clock) =>
        Of(query, clock, clock.Today(), (to, _) => to.AddYears(-1), (_, _) => "day");

    /// <summary>
    /// The same parameters and checks with other defaults (the score chart's): <paramref name="defaultFrom"/> is
    /// given to and knownAt, <paramref name="defaultStep"/> from and to.
    /// </summary>
    public static (SeriesRequest? Request, FieldErrors Errors) Of(SeriesQuery query, TimeProvider clock, DateOnly defaultTo,
        Func<DateOnly, DateTimeOffset, DateOnly> defaultFrom, Func<DateOnly, DateOnly, string> defaultStep)
    {
        var errors = new FieldErrors();
        var knownAt = query.KnownAt?.Value ?? clock.GetUtcNow();
        var to = query.To?.Value ?? defaultTo;
        var from = query.From?.Value ?? defaultFrom(to, knownAt);
        var step = query.Step?.Name ?? defaultStep(from, to);
        var halfLife = query.HalfLifeDays?.Days ?? WarmingScore.DefaultHalfLifeDays;

        if (from > to) errors.Add("from", $"{from:yyyy-MM-dd} is after to ({to:yyyy-MM-dd})");
        var series = new SeriesRequest(from, to, step, knownAt, halfLife, query.Weighting?.Weighting ?? Weighting.Plain);
        if (!errors.Any && series.PointCount() > ReplayEndpoints.MaxPoints)
            errors.Add("to", $"from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} by {step} is more than {ReplayEndpoints.MaxPoints:N0} points; narrow the range or use a longer step");
        return errors.Any ? (null, errors) : (series, errors);
    }

    /// <summary>The series' dates (<see cref="SeriesDates"/>).</summary>
    public IEnumerable<DateOnly> Dates() => SeriesDates.Of(From, To, Step);

    private long PointCount() => Dates().Take(ReplayEndpoints.MaxPoints + 1).Count();
}
