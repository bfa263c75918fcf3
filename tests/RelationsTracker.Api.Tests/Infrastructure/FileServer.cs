using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback that serves the files a test puts in it (a stand-in for data.gdeltproject.org:
/// nothing in the tests reaches the internet), and counts the requests for each path.
/// </summary>
public sealed class FileServer : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly ConcurrentDictionary<string, string> _redirects = new();
    public ConcurrentDictionary<string, int> Requests { get; } = new();
    public string BaseUrl { get; private set; } = "";

    private FileServer()
    {
    }

    public static async Task<FileServer> StartAsync()
    {
        var server = new FileServer();
        (server._app, server.BaseUrl) = await LoopbackServer.StartAsync(app => app.Run(server.ServeAsync));
        return server;
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_redirects.TryGetValue(path, out var target))
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = target;
            return;
        }
        if (!_files.TryGetValue(path, out var content))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content);
    }

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/> (from now on, replacing what was there); its URL.</summary>
    public string Put(string path, byte[] content)
    {
        _files[path] = content;
        return Url(path);
    }

    public string Redirect(string path, string to)
    {
        _redirects[path] = to;
        return Url(path);
    }

    public string Url(string path) => BaseUrl + path;

    public int RequestsFor(string path) => Requests.GetValueOrDefault(path);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
