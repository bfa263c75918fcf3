using RelationsTracker.Writing;

namespace RelationsTracker.Scoring;

/// <summary>
/// What a score series reads: the dates from <see cref="From"/> to <see cref="To"/> by <see cref="Step"/>
/// (<see cref="SeriesDates"/>), as known at <see cref="KnownAt"/>, with a half-life and a weighting; at most
/// <see cref="MaxPoints"/> points.
/// </summary>
public sealed record SeriesRange(DateOnly From, DateOnly To, string Step, DateTimeOffset KnownAt, int HalfLifeDays, Weighting Weighting = Weighting.Plain)
{
    public const int MaxPoints = 3700;
    public const string MaxPointsText = "3,700";

    /// <summary>The range, or why it cannot be read: from after to, or more than <see cref="MaxPoints"/> points.</summary>
    public static (SeriesRange? Range, FieldErrors Errors) Of(DateOnly from, DateOnly to, string step, DateTimeOffset knownAt, int halfLifeDays, Weighting weighting)
    {
        var errors = new FieldErrors();
        if (from > to) errors.Add("from", $"{from:yyyy-MM-dd} is after to ({to:yyyy-MM-dd})");
        var range = new SeriesRange(from, to, step, knownAt, halfLifeDays, weighting);
        if (!errors.Any && range.Dates().Take(MaxPoints + 1).Count() > MaxPoints)
            errors.Add("to", $"from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} by {step} is more than {MaxPoints:N0} points; narrow the range or use a longer step");
        return errors.Any ? (null, errors) : (range, errors);
    }

    public IEnumerable<DateOnly> Dates() => SeriesDates.Of(From, To, Step);

    /// <summary>
    /// Where a chart of the relation starts when not told: the first of the month before the first development, so it
    /// shows where it started from; a year before <paramref name="to"/> when none; earlier still when asOf is, so that
    /// its marker is drawn whatever knownAt hides. Never so far back that even a monthly series would be refused.
    /// </summary>
    public static DateOnly ChartStart(TimelineIndex known, DateOnly to, DateOnly asOf)
    {
        static DateOnly MonthBefore(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(-1);
        var from = known.Known.Count == 0 ? to.AddYears(-1) : MonthBefore(known.Known.Min(d => d.EffectiveDate));
        if (asOf <= to && MonthBefore(asOf) < from) from = MonthBefore(asOf);
        if (from > to) from = to.AddYears(-1);
        var earliest = to.AddMonths(-(MaxPoints - 1));
        return from < earliest ? earliest : from;
    }

    /// <summary>The chart's step when not told: by day while that is at most <see cref="MaxPoints"/> points, else by week, else by month.</summary>
    public static string ChartStep(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        return days <= MaxPoints ? "day" : days <= MaxPoints * 7L ? "week" : "month";
    }
}
