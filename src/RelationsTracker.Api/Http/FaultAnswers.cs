using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace RelationsTracker.Api.Http;

/// <summary>
/// The exceptions that are not the service's fault, answered as such: a request Kestrel could not read (bad chunked
/// framing, a body too slow or too large) with its 4xx, and the database out of reach with 503 and Retry-After, as
/// /health/ready says. Anything else stays a 500 (ASP.NET Core's handler), logged.
/// </summary>
public sealed class FaultAnswers(IProblemDetailsService problems, ILogger<FaultAnswers> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", $"{bad.Message} Nothing was changed."),
            _ when IsDatabaseUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                "The database cannot be reached just now; nothing was recorded. Retry after Retry-After seconds."),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("The database is unavailable: {Reason}", exception.GetBaseException().Message);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>PostgreSQL down, restarting or refusing connections: a transient failure of Npgsql, anywhere in the chain.</summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true }) return true;
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }) return true;
        }
        return false;
    }
}
