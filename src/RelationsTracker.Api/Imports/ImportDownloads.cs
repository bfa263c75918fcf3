using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RelationsTracker.Api.Webhooks;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// Downloads the files an import takes by URL and the indexes feeds follow. Every URL, and every redirect's, must pass
/// the host rules webhooks pass (<see cref="CallbackHosts"/>), and connections go only to addresses they allow. A file
/// is streamed to the spool, within <see cref="ImportOptions.MaxBytes"/>; one a GDELT index describes must have the
/// size and MD5 the index gives. A failed transfer is tried three times before the import fails with its cause.
/// </summary>
public sealed class ImportDownloads(IHttpClientFactory clients, CallbackHosts hosts, IOptions<ImportOptions> options, ILogger<ImportDownloads> logger)
{
    public const string HttpClientName = "imports";
    private const int MaxRedirects = 5;
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>
    /// Downloads the run's file to <paramref name="path"/>. When the URL asked for is a GDELT index, the run is given the
    /// latest export (or mentions file) it lists (saved by <paramref name="save"/> before that export is downloaded, so that a resumed
    /// import downloads the same file).
    /// </summary>
    public async Task<ImportRun> DownloadAsync(ImportRun run, string path, Func<ImportRun, Task> save, CancellationToken ct)
    {
        var url = new Uri(run.Url ?? throw new InvalidOperationException($"Import {run.Id} has no URL"));
        var expected = run.ExpectedMd5 is null ? null : new GdeltIndexEntry(run.ExpectedBytes ?? -1, run.ExpectedMd5, url);
        var bytes = await FetchAsync(url, path, expected, ct);
        if (run.Index is null && IsIndexStart(path))
        {
            var index = GdeltIndex.TryParse(await ReadIndexFileAsync(path, ct))
                ?? throw new ImportSourceException($"{url} starts as a GDELT index (size md5 url) but is not one throughout");
            var export = ImportFormatName.Of(run) == ImportFormat.GdeltMentions
                ? index.Mentions.LastOrDefault() ?? throw new ImportSourceException($"the GDELT index {url} lists no mentions file (*.mentions.CSV.zip)")
                : index.Exports.LastOrDefault() ?? throw new ImportSourceException($"the GDELT index {url} lists no events export (*.export.CSV.zip)");
            run = run with { Index = url.AbsoluteUri, Url = export.Url.AbsoluteUri, ExpectedBytes = export.Size, ExpectedMd5 = export.Md5 };
            await save(run);
            bytes = await FetchAsync(export.Url, path, export, ct);
        }
        return run with { Bytes = bytes };
    }

    /// <summary>The GDELT index at <paramref name="url"/>, read whole (it is small: <see cref="ImportOptions.MaxIndexBytes"/>).</summary>
    public async Task<GdeltIndex> ReadIndexAsync(Uri url, CancellationToken ct)
    {
        var path = Path.Combine(options.Value.Spool, $"{Guid.NewGuid():N}.index");
        Directory.CreateDirectory(options.Value.Spool);
        try
        {
            await FetchAsync(url, path, null, ct, options.Value.MaxIndexBytes);
            return GdeltIndex.TryParse(await ReadIndexFileAsync(path, ct))
                ?? throw new ImportSourceException($"{url} is not a GDELT index: each line must be 'size md5 url', as in GDELT's lastupdate.txt");
        }
        finally
        {
            ImportFile.TryDelete(path);
        }
    }

    private async Task<string> ReadIndexFileAsync(string path, CancellationToken ct) =>
        new FileInfo(path).Length > options.Value.MaxIndexBytes
            ? throw new ImportSourceException($"the index is larger than {options.Value.MaxIndexBytes:N0} bytes (Tracker:Imports:MaxIndexBytes)")
            : await File.ReadAllTextAsync(path, Encoding.UTF8, ct);

    private static bool IsIndexStart(string path)
    {
        Span<byte> start = stackalloc byte[64];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return GdeltIndex.LooksLikeStart(Encoding.ASCII.GetString(start[..read]));
    }

    /// <summary>Downloads <paramref name="url"/> to <paramref name="path"/>, trying again after a failed transfer; the file's size.</summary>
    private async Task<long> FetchAsync(Uri url, string path, GdeltIndexEntry? expected, CancellationToken ct, long? maxBytes = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await FetchOnceAsync(url, path, expected, maxBytes ?? options.Value.MaxBytes, ct);
            }
            catch (Exception e) when (attempt < Pauses.Length && e is HttpRequestException or IOException or TransientAnswer
                                      || (e is TaskCanceledException && !ct.IsCancellationRequested && attempt < Pauses.Length))
            {
                logger.LogWarning("Downloading {Url} failed ({Reason}); trying again in {Pause}", url, e.Message, Pauses[attempt]);
                await Task.Delay(Pauses[attempt], ct);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TransientAnswer)
            {
                throw new ImportSourceException($"downloading {url} failed {Pauses.Length + 1} times: {e.Message}");
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new ImportSourceException($"downloading {url} took longer than {options.Value.DownloadTimeoutSeconds} s (Tracker:Imports:DownloadTimeoutSeconds), {Pauses.Length + 1} times");
            }
        }
    }

    private async Task<long> FetchOnceAsync(Uri url, string path, GdeltIndexEntry? expected, long maxBytes, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.DownloadTimeoutSeconds));
        var client = clients.CreateClient(HttpClientName);
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (hosts.DownloadRefusal(current) is { } refusal) throw new ImportSourceException($"{current}: {refusal}");
            using var response = await client.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop == MaxRedirects) throw new ImportSourceException($"{url} redirects more than {MaxRedirects} times");
                current = new Uri(current, location);
                if (current.Scheme is not ("http" or "https")) throw new ImportSourceException($"{url} redirects to {current}, which is not http(s)");
                continue;
            }
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
                throw new TransientAnswer($"GET {current} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (!response.IsSuccessStatusCode)
                throw new ImportSourceException($"GET {current} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength > maxBytes)
                throw new ImportSourceException($"{current} is {response.Content.Headers.ContentLength:N0} bytes; an import file may be at most {maxBytes:N0} (Tracker:Imports:MaxBytes)");
            return await SaveAsync(current, response, path, expected, maxBytes, timeout.Token);
        }
    }

    /// <summary>Streams the answer to a part file, hashing it as it goes, and moves it into place only when it is whole and as expected.</summary>
    private static async Task<long> SaveAsync(Uri url, HttpResponseMessage response, string path, GdeltIndexEntry? expected, long maxBytes, CancellationToken ct)
    {
        var part = path + ".part";
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        long bytes = 0;
        try
        {
            await using (var body = await response.Content.ReadAsStreamAsync(ct))
            await using (var file = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.SequentialScan))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    bytes += read;
                    if (bytes > maxBytes) throw new ImportSourceException($"{url} is larger than {maxBytes:N0} bytes, the most an import file may be (Tracker:Imports:MaxBytes)");
                    md5.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (expected is not null)
            {
                var hash = Convert.ToHexStringLower(md5.GetHashAndReset());
                if (expected.Size >= 0 && bytes != expected.Size)
                    throw new ImportSourceException($"{url} is {bytes:N0} bytes; its index says {expected.Size:N0}");
                if (hash != expected.Md5)
                    throw new ImportSourceException($"{url} has MD5 {hash}; its index says {expected.Md5}");
            }
            File.Move(part, path, overwrite: true);
            return bytes;
        }
        finally
        {
            ImportFile.TryDelete(part);
        }
    }

    /// <summary>An answer worth asking again for (a 5xx, a 429).</summary>
    private sealed class TransientAnswer(string message) : Exception(message);

    /// <summary>Downloads follow no redirect on their own (each is checked here) and connect only where the host rules allow.</summary>
    public static void AddImportHttpClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectCallback = CallbackHosts.ConnectAsync,
            });
}
