using System.Security.Cryptography;
using System.Text;

namespace RelationsTracker.Api.Http;

/// <summary>
/// The first answer to a write sent with an <c>Idempotency-Key</c>, stored in the same transaction as the
/// events it recorded, so a retry with the same key and the same request gets exactly that answer again.
/// </summary>
public sealed record IdempotentResponse(string Id, string Fingerprint, int StatusCode, string? Location, string Body, DateTimeOffset RecordedAt)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength && key.All(c => c is >= '!' and <= '~');

    /// <summary>A stable hash of what was asked: the route and the request as parsed (so key order and spacing do not matter).</summary>
    public static string FingerprintOf(string route, string canonicalRequest) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{route}\n{canonicalRequest}")));
}
