using System.Collections.Concurrent;

namespace RelationsTracker.Api.Importing;

/// <summary>
/// The imports this node is running, in the background after their POST was answered. On shutdown they are
/// cancelled and stored as failed ("interrupted"): importing the file again completes them, since rows already
/// recorded are skipped.
/// </summary>
public sealed class ImportJobs(Importer importer, ILogger<ImportJobs> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    /// <summary>Runs the import of the spooled upload, then deletes it.</summary>
    public void Start(ImportRun run, string path)
    {
        _running[run.Id] = Task.Run(async () =>
        {
            try
            {
                await importer.RunAsync(run, path, _stopping.Token);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Import {Id} could not store its outcome", run.Id);
            }
            finally
            {
                TryDelete(path);
                _running.TryRemove(run.Id, out _);
            }
        });
    }

    public static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values).WaitAsync(ct).ContinueWith(_ => { }, CancellationToken.None);
    }
}
