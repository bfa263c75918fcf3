using System.Net;
using System.Net.Sockets;

namespace RelationsTracker.Api.Webhooks;

/// <summary>
/// Where webhooks may be delivered. A callback must not reach link-local addresses (169.254.0.0/16,
/// fe80::/10), where cloud metadata services live, nor the metadata names; with
/// <c>Tracker:Webhooks:AllowedHosts</c> set, only those hosts. Checked when a subscription is made and
/// again on every connection (after DNS resolution, so a name that later points elsewhere is still refused).
/// </summary>
public sealed class CallbackHosts(IConfiguration configuration)
{
    private static readonly string[] MetadataNames = ["metadata.google.internal", "metadata", "instance-data", "metadata.azure.internal"];

    private readonly HashSet<string> _allowed = configuration.GetSection("Tracker:Webhooks:AllowedHosts").GetChildren()
        .Select(c => c.Value?.Trim().ToLowerInvariant()).OfType<string>().Where(v => v.Length > 0).ToHashSet();

    /// <summary>Why the URL's host is refused, or null.</summary>
    public string? Refusal(Uri url)
    {
        var host = url.IdnHost.Trim('[', ']').ToLowerInvariant();
        if (_allowed.Count > 0 && !_allowed.Contains(host))
            return $"'{host}' is not among the allowed webhook hosts (Tracker:Webhooks:AllowedHosts)";
        if (MetadataNames.Contains(host.TrimEnd('.')))
            return $"'{host}' is a cloud metadata service";
        if (IPAddress.TryParse(host, out var address) && IsForbidden(address))
            return $"{address} is a link-local or metadata address";
        return null;
    }

    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            return bytes[0] == 169 && bytes[1] == 254;
        }
        // fe80::/10 link-local, and AWS's IPv6 metadata address fd00:ec2::254.
        return address.IsIPv6LinkLocal || address.Equals(IPAddress.Parse("fd00:ec2::254"));
    }

    /// <summary>Connects only to addresses that are not forbidden, whatever DNS answers.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => !IsForbidden(a)).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves only to link-local or metadata addresses; not delivering there.");
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
