using System.Diagnostics;
using System.Threading.Channels;
using RelationsTracker.Actors;
using RelationsTracker.Api.Http;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>One reading of the file; the actors known to exist are remembered from one pass to the next.</summary>
internal sealed class ImportPass(Importer importer, ActorMapping mapping, CancellationToken ct)
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);

    private readonly HashSet<string> _actorsThatExist = new(StringComparer.Ordinal);
    private bool _statisticsChecked;
    private readonly Stopwatch _sinceLog = Stopwatch.StartNew();

    public async Task<ImportRun> RunAsync(ImportRun run, string path, ImportFormat format, bool write)
    {
        // The file is read and its rows parsed one batch ahead, while the batch before is recorded: parsing is the
        // service's work, recording mostly PostgreSQL's, so the two overlap. At most three batches are in memory.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = Channel.CreateBounded<List<RowOutcome>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var skip = run.RowsRead;
        var reading = Task.Run(() => ReadAsync(path, format, run.BatchSize, skip, batches.Writer, stop.Token), CancellationToken.None);
        try
        {
            var any = false;
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                run = await BatchAsync(run, batch, write);
                any = true;
            }
            // A file with no rows still stores its progress once.
            if (!any) run = await BatchAsync(run, [], write);
            await reading; // the reader's own failure (a bad CSV header), where it happened in the file
            return run;
        }
        finally
        {
            await stop.CancelAsync();
            try { await reading; } catch { /* recording failed first, or the reader's failure was rethrown above */ }
        }
    }

    /// <summary>
    /// Reads the file into batches of rows, after the first <paramref name="skip"/> (counted by the run already);
    /// completes the channel when the file ends or reading fails.
    /// </summary>
    private async Task ReadAsync(string path, ImportFormat format, int batchSize, long skip, ChannelWriter<List<RowOutcome>> batches, CancellationToken stop)
    {
        try
        {
            using var file = ImportFile.Open(path);
            var reader = file.Text;
            var today = importer.Clock.Today();
            var batch = new List<RowOutcome>(batchSize);
            foreach (var row in ImportRows.Read(format, reader, mapping, today))
            {
                if (skip > 0)
                {
                    skip--;
                    continue;
                }
                batch.Add(row);
                if (batch.Count < batchSize) continue;
                await batches.WriteAsync(batch, stop);
                batch = new List<RowOutcome>(batchSize);
            }
            if (batch.Count > 0) await batches.WriteAsync(batch, stop);
        }
        finally
        {
            batches.Complete();
        }
    }

    private async Task<ImportRun> BatchAsync(ImportRun run, List<RowOutcome> rows, bool write)
    {
        ct.ThrowIfCancellationRequested();
        var batch = ImportBatch.Of(run, rows);
        run = batch.Mentions.Count > 0
            ? await new ImportMentionWriter(importer, ct).RecordAsync(batch.Run, batch.Number, batch.Mentions, write)
            : await DevelopmentsAsync(batch.Run, batch.Number, batch.Candidates, write);
        if (_sinceLog.Elapsed >= LogEvery)
        {
            _sinceLog.Restart();
            var seconds = (importer.Clock.GetUtcNow() - run.StartedAt).TotalSeconds;
            importer.Logger.LogInformation(
                "Import {Id} {Phase}: {Read:N0} rows read, {Recorded:N0} recorded, {Already:N0} already imported, {Rejected:N0} rejected ({Rate:N0} rows/s)",
                run.Id, run.Phase, run.RowsRead, run.Recorded, run.AlreadyImported, run.Rejected, seconds > 0 ? run.RowsRead / seconds : 0);
        }
        return run;
    }

    private async Task<ImportRun> DevelopmentsAsync(ImportRun run, long batch, IReadOnlyList<ImportCandidate> candidates, bool write)
    {
        // Actors: those a row names directly must exist; mapped ones are created with the batch if missing (ActorCheck).
        await using (var query = importer.Store.QuerySession())
        {
            var unknown = candidates.SelectMany(c => c.Actors).Select(a => a.Id).Where(id => !_actorsThatExist.Contains(id)).Distinct().ToArray();
            if (unknown.Length > 0)
                foreach (var actor in await query.LoadManyAsync<Actor>(ct, unknown)) _actorsThatExist.Add(actor.Id);
        }
        var check = ActorCheck.Of(candidates, _actorsThatExist);
        foreach (var rejected in check.Rejected) run = run.Reject(rejected);
        var toCreate = check.ToCreate.ToDictionary(a => a.Id, a => new Actor(a.Id, a.CreateAs!, "Created by an import (Tracker:Imports:Actors)"), StringComparer.Ordinal);
        var accepted = RepeatedEvents.Merge(check.Accepted);

        run = write ? await RecordAsync(run, batch, accepted, toCreate) : await ProgressAsync(run, accepted);
        if (write && !_statisticsChecked && run.Recorded > 0)
        {
            await importer.AnalyzeEventsIfNeverAnalyzedAsync(ct);
            _statisticsChecked = true;
        }
        return run;
    }

    /// <summary>A validating pass stores its progress about once a second.</summary>
    private async Task<ImportRun> ProgressAsync(ImportRun run, List<ImportCandidate> candidates)
    {
        run = run with { Repeats = run.Repeats + candidates.Sum(c => c.Repeats) };
        var now = importer.Clock.GetUtcNow();
        if (now - run.UpdatedAt < TimeSpan.FromSeconds(1)) return run;
        run = run with { UpdatedAt = now };
        await importer.SaveAsync(run, ct);
        return run;
    }

    private Task<ImportRun> RecordAsync(ImportRun run, long batch, List<ImportCandidate> candidates, Dictionary<string, Actor> toCreate) =>
        new ImportShareWriter(importer, _actorsThatExist, ct).RecordAsync(run, batch, candidates, toCreate);
}
