namespace RelationsTracker.Scoring;

/// <summary>
/// The dates of a score series: from, then every day, every 7 days or every calendar month (the same day of the
/// month as from, clamped to the month's last day), while not after to.
/// </summary>
public static class SeriesDates
{
    /// <param name="step"><c>day</c>, <c>week</c> or <c>month</c>.</param>
    public static IEnumerable<DateOnly> Of(DateOnly from, DateOnly to, string step)
    {
        for (var k = 0; ; k++)
        {
            DateOnly date;
            if (step == "month")
            {
                var months = from.Year * 12 + from.Month - 1 + k;
                if (months > to.Year * 12 + to.Month - 1) yield break;
                // From from each time, so a 31st comes back after a shorter month.
                date = from.AddMonths(k);
            }
            else
            {
                var dayNumber = from.DayNumber + (long)k * (step == "week" ? 7 : 1);
                if (dayNumber > to.DayNumber) yield break;
                date = DateOnly.FromDayNumber((int)dayNumber);
            }
            if (date > to) yield break;
            yield return date;
        }
    }
}
