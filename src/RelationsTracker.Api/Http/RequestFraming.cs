namespace RelationsTracker.Api.Http;

/// <summary>
/// Middleware: a body framed by any transfer coding but chunked alone (<c>Transfer-Encoding: gzip, chunked</c>) is a
/// 400. Kestrel would read such a body as if it were plain, and a proxy in front may have read it otherwise.
/// </summary>
public static class RequestFraming
{
    public static async Task RefuseOtherTransferCodingsAsync(HttpContext context, RequestDelegate next)
    {
        var codings = context.Request.Headers.TransferEncoding;
        if (codings.Count > 0 && !(codings.Count == 1 && string.Equals(codings[0]?.Trim(), "chunked", StringComparison.OrdinalIgnoreCase)))
        {
            await Problems.Validation("Transfer-Encoding", $"'{codings}' is not accepted: send the body as is, or chunked alone").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
