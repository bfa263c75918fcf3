using System.Security.Cryptography;
using System.Text;

namespace RelationsTracker.Api.Security;

/// <summary>
/// Who may write: requests that change something (POST, PUT, PATCH, DELETE) need <c>X-Api-Key</c> with one of
/// the configured keys (<c>Tracker:ApiKeys:0</c>, <c>:1</c>, ...), and so do reads of webhook subscriptions (their
/// callbacks and delivery errors are a subscriber's own); with <c>Tracker:RequireKeyForReads</c>, every read. A key
/// that is given is checked on every route: an unknown one is refused, never taken for no key. With no key configured the service makes one at start and prints it once: secure by default.
/// Keys are compared in constant time and never logged after that one line.
/// </summary>
public sealed class ApiKeys
{
    public const string Header = "X-Api-Key";

    private readonly byte[][] _keys;

    public bool RequireKeyForReads { get; }

    private ApiKeys(IEnumerable<string> keys, bool requireKeyForReads)
    {
        _keys = keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k))).ToArray();
        RequireKeyForReads = requireKeyForReads;
    }

    public static ApiKeys From(IConfiguration configuration, ILogger logger)
    {
        var keys = configuration.GetSection("Tracker:ApiKeys").GetChildren()
            .Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
        if (keys.Count == 0)
        {
            var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
            keys.Add(generated);
            logger.LogWarning("No Tracker__ApiKeys__0 configured; writes need this key, made for this run: {ApiKey}", generated);
        }
        return new ApiKeys(keys, configuration.GetValue<bool>("Tracker:RequireKeyForReads"));
    }

    /// <summary>Hashing both sides first makes the comparison constant-time whatever the lengths.</summary>
    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var valid = false;
        foreach (var key in _keys) valid |= CryptographicOperations.FixedTimeEquals(hash, key);
        return valid;
    }

    public bool Guards(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && (RequireKeyForReads || IsWrite(request) || request.Path.StartsWithSegments("/api/subscriptions") || !string.IsNullOrEmpty(request.Headers[Header]));

    /// <summary>A request under /api that changes something: anything but GET, HEAD and OPTIONS.</summary>
    public static bool IsWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
}
