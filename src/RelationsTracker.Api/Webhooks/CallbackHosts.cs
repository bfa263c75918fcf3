using System.Net;
using System.Net.Sockets;

namespace RelationsTracker.Api.Webhooks;

/// <summary>
/// Where the tracker may connect on a user's word: webhook callbacks, and the files an import or a feed downloads
/// (<see cref="RelationsTracker.Api.Imports.ImportDownloads"/>). A URL must not reach an IANA special-purpose address that is no normal
/// receiver (<see cref="RefusedRanges"/>: link-local, where cloud metadata services live, carrier-grade NAT, the
/// protocol and documentation ranges, multicast, ...), nor one such address embedded in an IPv6 form (IPv4-mapped or
/// -compatible, NAT64, 6to4), nor a metadata name; with <c>Tracker:Webhooks:AllowedHosts</c> (or, for downloads,
/// <c>Tracker:Imports:AllowedHosts</c>) set, only those hosts.
/// Loopback and private networks stay allowed: a receiver on the same host or network is a normal one. Checked when
/// a subscription is made and again on every connection (after DNS resolution, so a name that later points
/// elsewhere is still refused). docs/security.md lists the ranges.
/// </summary>
public sealed class CallbackHosts(IConfiguration configuration)
{
    private static readonly string[] MetadataNames = ["metadata.google.internal", "metadata", "instance-data", "metadata.azure.internal"];

    private const string WebhookHosts = "Tracker:Webhooks:AllowedHosts";
    private const string DownloadHosts = "Tracker:Imports:AllowedHosts";

    private readonly HashSet<string> _webhooks = Allowed(configuration, WebhookHosts);
    private readonly HashSet<string> _downloads = Allowed(configuration, DownloadHosts);

    private static HashSet<string> Allowed(IConfiguration configuration, string section) => configuration.GetSection(section).GetChildren()
        .Select(c => c.Value?.Trim().ToLowerInvariant()).OfType<string>().Where(v => v.Length > 0).ToHashSet();

    /// <summary>Why the URL's host is refused as a webhook receiver, or null.</summary>
    public string? Refusal(Uri url) => Refusal(url, _webhooks, WebhookHosts, "webhook");

    /// <summary>Why the URL's host is refused as a place to download an import from, or null.</summary>
    public string? DownloadRefusal(Uri url) => Refusal(url, _downloads, DownloadHosts, "download");

    private static string? Refusal(Uri url, HashSet<string> allowed, string setting, string purpose)
    {
        // A trailing dot names the same host ("169.254.169.254." and "metadata.") and resolves the same way.
        var host = url.IdnHost.Trim('[', ']').ToLowerInvariant().TrimEnd('.');
        if (allowed.Count > 0 && !allowed.Contains(host))
            return $"'{host}' is not among the allowed {purpose} hosts ({setting})";
        if (MetadataNames.Contains(host))
            return $"'{host}' is a cloud metadata service";
        if (IPAddress.TryParse(host, out var address) && IsForbidden(address))
            return $"{address} is a special-purpose address (link-local, metadata, carrier-grade NAT, reserved, ...), not a {purpose} host";
        return null;
    }

    /// <summary>The special-purpose ranges (RFC 6890's registries, IPv4 and IPv6) refused as receivers.</summary>
    public static readonly IReadOnlyList<IPNetwork> RefusedRanges = new[]
    {
        "0.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24",
        "192.88.99.0/24", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16", "fe80::/10", "fec0::/10", "ff00::/8",
        "fd00:ec2::254/128",
    }.Select(IPNetwork.Parse).ToList();

    public static bool IsForbidden(IPAddress address)
    {
        if (EmbeddedIPv4(address) is { } embedded) return IsForbidden(embedded);
        return RefusedRanges.Any(range => range.Contains(address));
    }

    /// <summary>The IPv4 address an IPv6 form carries: IPv4-mapped and -compatible (::/96), NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4 (2002::/16).</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return null;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1))
            return new IPAddress(b.AsSpan(12, 4));
        if (Nat64.Contains(address) || Nat64Local.Contains(address)) return new IPAddress(b.AsSpan(12, 4));
        if (b[0] == 0x20 && b[1] == 0x02) return new IPAddress(b.AsSpan(2, 4));
        return null;
    }

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork Nat64Local = IPNetwork.Parse("64:ff9b:1::/48");

    /// <summary>Connects only to addresses that are not forbidden, whatever DNS answers.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => !IsForbidden(a)).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves only to special-purpose addresses; not connecting there.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
