using System.Text.Json;
using RelationsTracker.Api.Http;

namespace RelationsTracker.Api.Relations;

/// <summary>The headers that condition a write: <c>If-Match</c> and <c>Idempotency-Key</c>.</summary>
public sealed record WriteConditions(IfMatch? IfMatch, string? IdempotencyKey, string Fingerprint)
{
    /// <summary>Reads both headers; a malformed one is a 400.</summary>
    public static bool TryRead(HttpRequest request, string route, object canonicalRequest, out WriteConditions conditions, out IResult? problem)
    {
        conditions = null!;
        problem = null;
        var errors = new FieldErrors();
        if (!IfMatch.TryParse(request.Headers[IfMatch.Header].FirstOrDefault(), out var ifMatch, out var ifMatchError))
            errors.Add(IfMatch.Header, ifMatchError!);
        var key = request.Headers[IdempotentResponse.Header].FirstOrDefault();
        if (key is not null && !IdempotentResponse.IsValidKey(key))
            errors.Add(IdempotentResponse.Header, $"must be 1 to {IdempotentResponse.MaxKeyLength} visible ASCII characters");
        if (errors.Any)
        {
            problem = errors.ToProblem();
            return false;
        }
        conditions = Create(ifMatch, key, route, canonicalRequest);
        return true;
    }

    /// <param name="route">The method and canonical path: the same request body on another route is another request.</param>
    /// <param name="canonicalRequest">The request as parsed, so key order and spacing in the body do not matter.</param>
    public static WriteConditions Create(IfMatch? ifMatch, string? idempotencyKey, string route, object canonicalRequest) =>
        new(ifMatch, idempotencyKey, IdempotentResponse.FingerprintOf(route, JsonSerializer.Serialize(canonicalRequest, ApiJson.Options)));
}
