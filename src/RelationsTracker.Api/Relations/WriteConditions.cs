using System.Text.Json;
using RelationsTracker.Api.Http;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations;

/// <summary>The headers that condition a write: <c>If-Match</c> and <c>Idempotency-Key</c>.</summary>
public sealed record WriteConditions(IfMatch? IfMatch, string? IdempotencyKey, string Fingerprint)
{
    /// <summary>Reads both headers' values; a malformed one is a 400.</summary>
    public static (WriteConditions? Conditions, IResult? Problem) Of(string? ifMatchHeader, string? idempotencyKey, string route, object canonicalRequest)
    {
        var errors = new FieldErrors();
        if (!IfMatch.TryParse(ifMatchHeader, out var ifMatch, out var ifMatchError))
            errors.Add(IfMatch.Header, ifMatchError!);
        if (idempotencyKey is not null && !IdempotentResponse.IsValidKey(idempotencyKey))
            errors.Add(IdempotentResponse.Header, $"must be 1 to {IdempotentResponse.MaxKeyLength} visible ASCII characters");
        return errors.Any ? (null, Problems.Validation(errors)) : (Create(ifMatch, idempotencyKey, route, canonicalRequest), null);
    }

    /// <param name="route">The method and canonical path: the same request body on another route is another request.</param>
    /// <param name="canonicalRequest">The request as parsed, so key order and spacing in the body do not matter.</param>
    public static WriteConditions Create(IfMatch? ifMatch, string? idempotencyKey, string route, object canonicalRequest) =>
        new(ifMatch, idempotencyKey, IdempotentResponse.FingerprintOf(route, JsonSerializer.Serialize(canonicalRequest, ApiJson.Options)));
}
