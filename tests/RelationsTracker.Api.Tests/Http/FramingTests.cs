using System.Net.Sockets;
using System.Text;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>
/// Bodies that Kestrel itself cannot read (bad chunked framing, fewer bytes than declared, a trickle): the client's
/// fault, so a 4xx with problem details, never a 500. Over a real socket to a real Kestrel, as no HttpClient sends them.
/// </summary>
public class FramingTests(TrackerApp app) : TrackerTest(app)
{
    [Theory]
    [InlineData("Transfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n", "400")]
    [InlineData("Transfer-Encoding: chunked", "2\r\n{\"type\":1}\r\n0\r\n\r\n", "400")]
    [InlineData("Transfer-Encoding: gzip, chunked", "2\r\n{}\r\n0\r\n\r\n", "400")]
    public async Task A_body_Kestrel_cannot_read_is_a_4xx_problem_not_a_500(string framing, string body, string status)
    {
        await using var tracker = await TrackerProcess.StartAsync(App.ConnectionString);
        var (a, b) = await CreateRelationAsync();
        var before = await App.EventCountAsync();

        var answer = await SendRawAsync(tracker.Port,
            PostHead(a, b) + $"{framing}\r\nConnection: close\r\n\r\n{body}");

        Assert.StartsWith($"HTTP/1.1 {status}", answer);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task A_body_that_stops_short_of_its_length_is_a_4xx_not_a_500()
    {
        await using var tracker = await TrackerProcess.StartAsync(App.ConnectionString);
        var (a, b) = await CreateRelationAsync();
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", tracker.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            PostHead(a, b) + "Content-Length: 500\r\n\r\n{\"type\":"));
        socket.Client.Shutdown(SocketShutdown.Send);
        var answer = await ReadAllAsync(stream);
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 4"), answer);
    }

    [Fact]
    public async Task A_body_trickled_slower_than_Kestrels_minimum_rate_is_a_408_not_a_500()
    {
        await using var tracker = await TrackerProcess.StartAsync(App.ConnectionString);
        var (a, b) = await CreateRelationAsync();
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", tracker.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            PostHead(a, b) + "Content-Length: 2000\r\n\r\n"));
        // One byte a second: Kestrel's minimum is 240 bytes a second after a 5 s grace.
        var reading = ReadAllAsync(stream);
        for (var i = 0; i < 12 && !reading.IsCompleted; i++)
        {
            try { await stream.WriteAsync("{"u8.ToArray()); } catch (IOException) { break; }
            await Task.Delay(1000);
        }
        var answer = await reading;
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408"), answer);
        Assert.DoesNotContain(" 500 ", answer);
    }

    /// <summary>A POST of a development, up to its framing headers.</summary>
    private static string PostHead(string a, string b) =>
        $"POST /api/relations/{a}/{b}/developments HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {TrackerApp.ApiKey}\r\nContent-Type: application/json\r\n";

    private static async Task<string> SendRawAsync(int port, string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        return await ReadAllAsync(stream);
    }

    private static async Task<string> ReadAllAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var buffer = new MemoryStream();
        try { await stream.CopyToAsync(buffer, timeout.Token); }
        catch (Exception e) when (e is IOException or OperationCanceledException) { }
        return Encoding.ASCII.GetString(buffer.ToArray());
    }
}
