using System.Net;
using System.Net.Sockets;

namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder on loopback in front of PostgreSQL, which a test can cut (every connection dropped, new ones
/// refused) and restore: the database out of reach, as a network fault or a restart makes it, for one host only.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public int Port { get; }

    private TcpProxy(IPEndPoint target, int port) => (_target, Port) = (target, port);

    public static TcpProxy Start(string host, int port)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var listenPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        var proxy = new TcpProxy(target, listenPort);
        proxy.Restore();
        return proxy;
    }

    /// <summary>Accepts connections again.</summary>
    public void Restore()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    /// <summary>Drops every connection and refuses new ones.</summary>
    public void Cut()
    {
        _stop.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient incoming;
            try { incoming = await listener.AcceptTcpClientAsync(ct); }
            catch (Exception) { return; }
            var outgoing = new TcpClient();
            try { await outgoing.ConnectAsync(_target, ct); }
            catch (Exception) { incoming.Dispose(); outgoing.Dispose(); continue; }
            lock (_open) { _open.Add(incoming); _open.Add(outgoing); }
            _ = PipeAsync(incoming, outgoing, ct);
            _ = PipeAsync(outgoing, incoming, ct);
        }
    }

    private static async Task PipeAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream(), ct); }
        catch (Exception) { }
        finally { from.Dispose(); to.Dispose(); }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
