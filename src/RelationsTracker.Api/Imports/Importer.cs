using System.Diagnostics;
using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Options;
using RelationsTracker.Api.Actors;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Relations;
using RelationsTracker.Developments;
using RelationsTracker.Importing;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// Runs one import: reads the file a record at a time, turns rows into developments (<see cref="ImportRows"/>),
/// and records them in batches. A batch's relations are shared between writers, each recording its share in one
/// transaction: its relations' streams appended together with their expected versions (so the inline projections
/// see each event's version, and a concurrent write to one of those relations is caught at commit and the share
/// decided again). Missing mapped actors are created before a batch, its progress stored after. Rows whose
/// development is already recorded (same id) are skipped, so importing a file again records nothing new. The next
/// batch is parsed while one is recorded; memory is bounded by three batches, whatever the file's length.
///
/// With <see cref="ImportRun.Atomic"/>, a first pass reads the whole file and records nothing; only if no row is
/// bad does the second pass record.
///
/// An import may be cut short (a stop, a crash) and run again: it resumes after the rows its stored progress counts,
/// and a batch whose shares were partly recorded finds them by their <see cref="ImportShare"/> markers, so each row is
/// recorded and counted once. A validating pass starts again from the top.
/// </summary>
public sealed class Importer(IDocumentStore store, TimeProvider clock, IOptions<ImportOptions> options, ILogger<Importer> logger)
{
    // The passes below use these.
    private readonly IDocumentStore _store = store;
    private readonly TimeProvider _clock = clock;
    private readonly ImportOptions _options = options.Value;
    private readonly ILogger _logger = logger;

    private const int MaxAttempts = 8;
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);

    public static ImportRun NewRun(ImportFormat format, bool atomic, string source, long bytes, DateTimeOffset now, ImportOptions options) => new()
    {
        BatchSize = options.BatchSize,
        Writers = options.Writers,
        Id = Guid.CreateVersion7(),
        Format = format.ToString().ToLowerInvariant(),
        Atomic = atomic,
        Source = source,
        Bytes = bytes,
        Phase = atomic ? "validating" : "recording",
        StartedAt = now,
        UpdatedAt = now,
    };

    public async Task<ImportRun?> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var session = _store.QuerySession();
        return await session.LoadAsync<ImportRun>(id, ct);
    }

    public Task FailAsync(ImportRun run, string failure) =>
        FinishAsync(run with { Status = ImportRun.Failed, Failure = failure }, Stopwatch.StartNew());

    public async Task SaveAsync(ImportRun run, CancellationToken ct)
    {
        await using var session = _store.LightweightSession();
        session.Store(run);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Imports the file at <paramref name="path"/>, or resumes the import where its stored progress says it got. The run's
    /// final state is stored and returned, whatever happens but a cancellation, which leaves the stored progress as the
    /// last committed batch left it (and throws) so that running the import again resumes it.
    /// </summary>
    public async Task<ImportRun> RunAsync(ImportRun run, string path, CancellationToken ct)
    {
        if (run.BatchSize == 0) run = run with { BatchSize = _options.BatchSize, Writers = _options.Writers };
        var format = Enum.Parse<ImportFormat>(run.Format, ignoreCase: true);
        var stopwatch = Stopwatch.StartNew();
        _logger.LogInformation("Import {Id} ({Format}{Atomic}, {Bytes:N0} bytes) {Started}", run.Id, run.Format, run.Atomic ? ", atomic" : "", run.Bytes,
            run.RowsRead > 0 ? $"resumed after row {run.RowsRead:N0}" : "started");
        try
        {
            var pass = new Pass(this, _options.Mapping(), ct);
            if (run.Atomic && run.Phase == "validating")
            {
                run = await pass.RunAsync(run with { RowsRead = 0, Rejected = 0, Rejections = [] }, path, format, write: false);
                if (run.Rejected > 0)
                    return await FinishAsync(run with { Status = ImportRun.Failed, Failure = $"atomic: {run.Rejected:N0} of {run.RowsRead:N0} rows were rejected, so nothing was recorded" }, stopwatch);
                run = run with { Phase = "recording", RowsRead = 0 };
            }
            run = await pass.RunAsync(run, path, format, write: true);
            return await FinishAsync(run with { Status = ImportRun.Completed }, stopwatch);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _logger.LogInformation("Import {Id} stopped with the service; it resumes when a node runs it again", run.Id);
            throw;
        }
        catch (InvalidDataException e)
        {
            return await FinishAsync(run with { Status = ImportRun.Failed, Failure = e.Message }, stopwatch);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Import {Id} failed", run.Id);
            return await FinishAsync(run with { Status = ImportRun.Failed, Failure = $"{e.GetType().Name}: {e.Message}. Import the file again: rows already recorded are skipped." }, stopwatch);
        }
    }

    private async Task<ImportRun> FinishAsync(ImportRun run, Stopwatch stopwatch)
    {
        var now = _clock.GetUtcNow();
        run = run with { FinishedAt = now, UpdatedAt = now };
        await using (var session = _store.LightweightSession())
        {
            session.Store(run);
            session.DeleteWhere<ImportShare>(s => s.ImportId == run.Id);
            await session.SaveChangesAsync(CancellationToken.None);
        }
        _logger.LogInformation(
            "Import {Id} {Status} in {Seconds:N1} s: {Read:N0} rows read, {Recorded:N0} recorded, {Already:N0} already imported, {Rejected:N0} rejected{Failure}",
            run.Id, run.Status, stopwatch.Elapsed.TotalSeconds, run.RowsRead, run.Recorded, run.AlreadyImported, run.Rejected,
            run.Failure is null ? "" : $" ({run.Failure})");
        return run;
    }

    /// <summary>
    /// PostgreSQL plans the daemon's reads of new events from the event table's statistics. A table nothing has analyzed
    /// yet (a new database: autovacuum looks once a minute) has none, and each read of a page of 500 events then
    /// fetches and sorts every event between the daemon's position and the newest: during a first import the daemon
    /// fell behind and those reads cost PostgreSQL as much as the recording (docs/performance.md). So an import
    /// analyzes the table after its first batch when nothing has.
    /// </summary>
    private async Task AnalyzeEventsIfNeverAnalyzedAsync(CancellationToken ct)
    {
        var events = $"{_store.Options.Events.DatabaseSchemaName}.mt_events";
        await using var connection = _store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = $"""
            do $$ begin
              if not exists (select 1 from pg_stat_user_tables where relid = '{events}'::regclass
                             and coalesce(last_analyze, last_autoanalyze) is not null) then
                analyze {events};
              end if;
            end $$
            """;
        await analyze.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One reading of the file; the actors known to exist are remembered from one pass to the next.</summary>
    private sealed class Pass(Importer importer, ActorMapping mapping, CancellationToken ct)
    {
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
                var today = importer._clock.Today();
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
            var batch = run.RowsRead / run.BatchSize;
            run = run with { RowsRead = run.RowsRead + rows.Count };
            var candidates = new List<ImportCandidate>(rows.Count);
            foreach (var row in rows)
            {
                if (row.Rejected is { } rejected) run = run.Reject(rejected);
                else candidates.Add(row.Candidate!);
            }

            // Actors: those a row names directly must exist; mapped ones are created with the batch if missing.
            var toCreate = new Dictionary<string, Actor>(StringComparer.Ordinal);
            await using (var query = importer._store.QuerySession())
            {
                var unknown = candidates.SelectMany(c => c.Actors).Select(a => a.Id).Where(id => !_actorsThatExist.Contains(id)).Distinct().ToArray();
                if (unknown.Length > 0)
                    foreach (var actor in await query.LoadManyAsync<Actor>(ct, unknown)) _actorsThatExist.Add(actor.Id);
            }
            var accepted = new List<ImportCandidate>(candidates.Count);
            foreach (var candidate in candidates)
            {
                var missing = candidate.Actors.FirstOrDefault(a => a.CreateAs is null && !_actorsThatExist.Contains(a.Id));
                if (missing is not null)
                {
                    run = run.Reject(new RejectedRow(candidate.Line, $"actor {missing.Id} does not exist; create it with PUT /api/actors/{missing.Id} first"));
                    continue;
                }
                foreach (var a in candidate.Actors.Where(a => a.CreateAs is not null && !_actorsThatExist.Contains(a.Id)))
                    toCreate.TryAdd(a.Id, new Actor(a.Id, a.CreateAs!, "Created by an import (Tracker:Imports:Actors)"));
                accepted.Add(candidate);
            }

            run = write ? await RecordAsync(run, batch, accepted, toCreate) : await ProgressAsync(run);
            if (write && !_statisticsChecked && run.Recorded > 0)
            {
                await importer.AnalyzeEventsIfNeverAnalyzedAsync(ct);
                _statisticsChecked = true;
            }
            if (_sinceLog.Elapsed >= LogEvery)
            {
                _sinceLog.Restart();
                var seconds = (importer._clock.GetUtcNow() - run.StartedAt).TotalSeconds;
                importer._logger.LogInformation(
                    "Import {Id} {Phase}: {Read:N0} rows read, {Recorded:N0} recorded, {Already:N0} already imported, {Rejected:N0} rejected ({Rate:N0} rows/s)",
                    run.Id, run.Phase, run.RowsRead, run.Recorded, run.AlreadyImported, run.Rejected, seconds > 0 ? run.RowsRead / seconds : 0);
            }
            return run;
        }

        /// <summary>A validating pass stores its progress about once a second.</summary>
        private async Task<ImportRun> ProgressAsync(ImportRun run)
        {
            var now = importer._clock.GetUtcNow();
            if (now - run.UpdatedAt < TimeSpan.FromSeconds(1)) return run;
            run = run with { UpdatedAt = now };
            await importer.SaveAsync(run, ct);
            return run;
        }

        private async Task<ImportRun> RecordAsync(ImportRun run, long batch, List<ImportCandidate> candidates, Dictionary<string, Actor> toCreate)
        {
            // The mapped actors the batch needs first, so that every share of it finds them.
            if (toCreate.Count > 0)
            {
                await using var session = importer._store.LightweightSession();
                foreach (var actor in toCreate.Values) session.Store(actor);
                await session.SaveChangesAsync(ct);
                foreach (var id in toCreate.Keys) _actorsThatExist.Add(id);
            }

            // Each relation always goes to the same writer, so its developments are appended in file order; by a hash
            // that is the same in every process, so a resumed import forms the same shares.
            var writers = (uint)run.Writers;
            var shares = candidates.GroupBy(c => ShareOf(c.Relation.ToString(), writers));
            var recorded = await Task.WhenAll(shares.Select(share => RecordShareAsync(run.Id, ImportShare.IdOf(run.Id, batch, share.Key), share.ToList())));

            run = run with
            {
                Recorded = run.Recorded + recorded.Sum(r => r.Recorded),
                AlreadyImported = run.AlreadyImported + recorded.Sum(r => r.Already),
                UpdatedAt = importer._clock.GetUtcNow(),
            };
            await importer.SaveAsync(run, ct);
            return run;
        }

        /// <summary>FNV-1a of the relation's id: stable across processes, unlike string.GetHashCode.</summary>
        private static int ShareOf(string relation, uint writers)
        {
            var hash = 2166136261u;
            foreach (var c in relation) hash = (hash ^ c) * 16777619u;
            return (int)(hash % writers);
        }

        /// <summary>
        /// Records one writer's share of a batch in one transaction: the developments not yet recorded, appended to their
        /// relations, with the share's marker; a share whose marker is there was recorded before the import was cut short.
        /// </summary>
        private async Task<(int Recorded, int Already)> RecordShareAsync(Guid runId, string shareId, List<ImportCandidate> candidates)
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                // An identity map: the inline projection folds onto the Relation documents read below, not reading them again.
                await using var session = importer._store.IdentitySession();
                // The relations' versions first, then what is recorded: a transaction that records some of these rows
                // in between then fails this one's version check, and the share is decided again on what it wrote.
                var keys = candidates.Select(c => c.Relation.ToString()).Distinct().ToArray();
                var relations = (await session.LoadManyAsync<Relation>(ct, keys)).ToDictionary(r => r.Id, StringComparer.Ordinal);
                if (await session.LoadAsync<ImportShare>(shareId, ct) is { } done) return (done.Recorded, done.Already);
                var ids = candidates.Select(c => c.Event.DevelopmentId).Distinct().ToArray();
                var existing = (await session.Query<Development>().Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();

                // The new developments, by relation, in file order; a row repeated in the batch counts once.
                var byRelation = new Dictionary<string, List<ImportCandidate>>(StringComparer.Ordinal);
                var already = 0;
                foreach (var candidate in candidates)
                {
                    if (!existing.Add(candidate.Event.DevelopmentId))
                    {
                        already++;
                        continue;
                    }
                    var key = candidate.Relation.ToString();
                    if (!byRelation.TryGetValue(key, out var list)) byRelation[key] = list = [];
                    list.Add(candidate);
                }
                if (byRelation.Count == 0) return (0, already);

                var now = importer._clock.GetUtcNow();
                foreach (var (key, list) in byRelation)
                {
                    var events = list.Select(c => (object)c.Event).ToArray();
                    relations.TryGetValue(key, out var relation);
                    // As RelationWriter appends: the version after these events, so a write in between is caught.
                    var action = session.Events.Append(key, (relation?.StreamVersion ?? 0) + events.Length, events);
                    var recordedAt = relation?.LastRecordedAt ?? DateTimeOffset.MinValue;
                    foreach (var e in action.Events)
                    {
                        e.Timestamp = recordedAt = Relation.NextRecordedAt(recordedAt, now);
                        e.EventTypeName = ImportedEventType.NameFor(e.EventTypeName);
                    }
                }
                var recorded = byRelation.Values.Sum(l => l.Count);
                session.Store(new ImportShare(shareId, runId, recorded, already));
                try
                {
                    await session.SaveChangesAsync(ct);
                    return (recorded, already);
                }
                catch (Exception e) when (RelationWriter.IsConcurrencyConflict(e))
                {
                    // Another writer moved one of the relations first: read them again and decide this share again.
                    importer._logger.LogDebug("Import {Id}: a relation moved while a batch was written; trying again (attempt {Attempt})", runId, attempt);
                }
            }
            throw new InvalidOperationException($"The relations of a batch kept changing while it was written ({MaxAttempts} attempts); nothing more of that batch was recorded");
        }
    }
}
