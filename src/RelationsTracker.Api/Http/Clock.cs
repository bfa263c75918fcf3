namespace RelationsTracker.Api.Http;

public static class Clock
{
    /// <summary>Today's date in UTC: the default asOf and the latest date a development may have occurred.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
