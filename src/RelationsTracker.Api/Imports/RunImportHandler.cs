using JasperFx.Core;
using Marten;
using Npgsql;
using Wolverine.ErrorHandling;
using RelationsTracker.Importing;
using Wolverine.Runtime.Handlers;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// Runs an import from Wolverine's durable local queue. The message is stored with the import's start, so an import
/// cut short by a stop or a crash runs again (on this node after it restarts, or on another) and resumes after the
/// last batch it committed (<see cref="Importer"/>): every row recorded once, its counts exact.
/// </summary>
public static class RunImportHandler
{
    public const string Queue = "imports";

    public static void Configure(HandlerChain chain)
    {
        // An import takes as long as its file does, not Wolverine's default minute.
        chain.ExecutionTimeoutInSeconds = (int)TimeSpan.FromDays(1).TotalSeconds;
        // Stopped by a shutdown: run it again, from where it got, as soon as a node is there.
        chain.OnException<OperationCanceledException>().ScheduleRetryIndefinitely(1.Seconds());
        // Another run of the same import holds it (a message delivered twice around a crash): look again later,
        // when it will have finished or died.
        chain.OnException<RunningElsewhere>().ScheduleRetryIndefinitely(5.Seconds());
    }

    public static async Task Handle(RunImport message, Importer importer, ImportDownloads downloads, IDocumentStore store,
        IHostApplicationLifetime lifetime, ILogger<RunImport> logger, CancellationToken ct)
    {
        // Wolverine lets a running handler finish before the host stops; an import stops at once and resumes later.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        ct = stopping.Token;
        await using var claim = store.Storage.Database.CreateConnection();
        await claim.OpenAsync(ct);
        if (!await TryClaimAsync(claim, message.ImportId, ct)) throw new RunningElsewhere(message.ImportId);

        try
        {
            var run = await importer.LoadAsync(message.ImportId, ct);
            if (run is null || run.Status != ImportRun.Running)
            {
                // Already finished (the message came again after the import's last commit): nothing to do.
                ImportFile.TryDelete(message.Path);
                return;
            }
            if (run.Url is not null && !File.Exists(message.Path))
            {
                // An import by URL or from a feed: the file is fetched here (again, if the node lost it), not in the request.
                if (await DownloadAsync(run, message.Path, importer, downloads, ct) is not { } downloaded) return;
                run = downloaded;
            }
            else if (!File.Exists(message.Path))
            {
                logger.LogError("Import {Id}: its upload {Path} is not on this node", run.Id, message.Path);
                await importer.FailAsync(run, $"the uploaded file is not on this node ({message.Path}); every node must share Tracker:Imports:SpoolDirectory. Import the file again: rows already recorded are skipped.");
                return;
            }
            await importer.RunAsync(run, message.Path, ct);
            ImportFile.TryDelete(message.Path);
        }
        finally
        {
            // A pooled connection keeps its session's locks until it is next used: let go now.
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(@key)", claim);
            release.Parameters.AddWithValue("key", KeyOf(message.ImportId));
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The run with its file downloaded and checked as an upload is at its POST; null when the import failed instead.</summary>
    private static async Task<ImportRun?> DownloadAsync(ImportRun run, string path, Importer importer, ImportDownloads downloads, CancellationToken ct)
    {
        string? problem;
        try
        {
            run = await downloads.DownloadAsync(run, path, resolved => importer.SaveAsync(resolved, ct), ct);
            var format = ImportFormatName.Of(run);
            problem = ImportFile.StartProblem(path, format) ?? await importer.MappingProblemAsync(format, ct);
        }
        catch (ImportSourceException e)
        {
            problem = e.Message;
        }
        if (problem is null)
        {
            await importer.SaveAsync(run, ct);
            return run;
        }
        ImportFile.TryDelete(path);
        await importer.FailAsync(await importer.LoadAsync(run.Id, ct) ?? run, problem);
        return null;
    }

    /// <summary>
    /// A session-level advisory lock on the import's id, held on <paramref name="connection"/> while the import runs: two
    /// runs of one import never record side by side, and the lock goes with the process that held it.
    /// </summary>
    private static async Task<bool> TryClaimAsync(NpgsqlConnection connection, Guid import, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", KeyOf(import));
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static long KeyOf(Guid import) => BitConverter.ToInt64(import.ToByteArray(), 8);

    private sealed class RunningElsewhere(Guid import) : Exception($"Import {import} is being run by another handler");
}
