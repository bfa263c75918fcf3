using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback that serves the files a test puts in it (a stand-in for data.gdeltproject.org:
/// nothing in the tests reaches the internet), and counts the requests for each path.
/// </summary>
public sealed class FileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly ConcurrentDictionary<string, string> _redirects = new();
    public ConcurrentDictionary<string, int> Requests { get; } = new();
    public string BaseUrl { get; private set; } = "";

    private FileServer(WebApplication app) => _app = app;

    public static async Task<FileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FileServer(app);
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            server.Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (server._redirects.TryGetValue(path, out var target))
            {
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = target;
                return;
            }
            if (!server._files.TryGetValue(path, out var content))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content);
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
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
