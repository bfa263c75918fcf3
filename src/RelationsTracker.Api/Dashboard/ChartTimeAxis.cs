using System.Globalization;

namespace RelationsTracker.Api.Dashboard;

/// <summary>The score chart's time axis: where its dated ticks go.</summary>
public static class ChartTimeAxis
{
    /// <summary>
    /// Dated ticks for the time axis: the finest of days, months or years that gives at most 8 ticks, on round
    /// dates (the first of a month, the first of January) so that labels read as calendar dates.
    /// </summary>
    public static IReadOnlyList<(DateOnly Date, string Label)> Ticks(DateOnly from, DateOnly to)
    {
        const int MaxTicks = 8;
        foreach (var days in new[] { 1, 2, 7, 14 })
        {
            if ((to.DayNumber - from.DayNumber) / days + 1 > MaxTicks) continue;
            return Enumerable.Range(0, (to.DayNumber - from.DayNumber) / days + 1)
                .Select(i => from.AddDays(i * days)).Select(d => (d, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
        }
        foreach (var months in new[] { 1, 2, 3, 6 })
        {
            var ticks = new List<(DateOnly, string)>();
            for (var d = new DateOnly(from.Year, from.Month, 1); d <= to && ticks.Count <= MaxTicks; d = d.AddMonths(1))
                if (d >= from && (d.Month - 1) % months == 0) ticks.Add((d, d.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
            if (ticks.Count <= MaxTicks) return ticks;
        }
        var yearly = new List<(DateOnly, string)>();
        foreach (var years in new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000 })
        {
            yearly.Clear();
            for (var year = from.Year; year <= to.Year && yearly.Count <= MaxTicks; year++)
            {
                var d = new DateOnly(year, 1, 1);
                if (d >= from && year % years == 0) yearly.Add((d, year.ToString(CultureInfo.InvariantCulture)));
            }
            if (yearly.Count <= MaxTicks) break;
        }
        return yearly;
    }
}
