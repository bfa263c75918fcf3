using System.Security.Cryptography;
using System.Text;

namespace RelationsTracker.Notifying;

/// <summary>A webhook: notifications of the chosen relations and kinds are POSTed to the callback, signed with the secret.</summary>
public sealed record WebhookSubscription
{
    public Guid Id { get; init; }
    public string CallbackUrl { get; init; } = "";
    /// <summary>Canonical relation ids; empty means every relation.</summary>
    public IReadOnlyList<string> Relations { get; init; } = [];
    /// <summary>Notification kinds; empty means every kind.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public string Secret { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    public bool Wants(Notification n) =>
        (Relations.Count == 0 || Relations.Contains(n.Relation)) && (Kinds.Count == 0 || Kinds.Contains(n.Kind));

    /// <summary><c>sha256=&lt;hex HMAC-SHA256 of the body with the secret&gt;</c>, as X-Tracker-Signature carries it.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
