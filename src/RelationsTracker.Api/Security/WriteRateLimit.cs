using System.Globalization;
using System.Threading.RateLimiting;

namespace RelationsTracker.Api.Security;

/// <summary>
/// Each key may write at most <c>Tracker:RateLimit:WritesPerSecond</c> requests a second on average (default
/// 1,000) with bursts up to <c>Tracker:RateLimit:Burst</c> (default twice that); beyond, 429 with Retry-After
/// and nothing recorded. Reads are not limited here.
/// </summary>
public static class WriteRateLimit
{
    public static void AddWriteRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perSecond = configuration.GetValue("Tracker:RateLimit:WritesPerSecond", 1000);
        var burst = configuration.GetValue("Tracker:RateLimit:Burst", perSecond * 2);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var request = context.Request;
                if (!ApiKeys.IsWrite(request)) return RateLimitPartition.GetNoLimiter("reads");
                // The key has been checked by now (ApiKeys runs first); it names the partition.
                var key = request.Headers[ApiKeys.Header].FirstOrDefault() ?? "";
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests",
                    detail: $"This key writes faster than {perSecond} requests a second; nothing was recorded. Retry after {seconds} s.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }
}
