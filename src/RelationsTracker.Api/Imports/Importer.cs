using System.Diagnostics;
using Marten;
using RelationsTracker.Actors;
using Microsoft.Extensions.Options;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// Runs one import, or resumes it after its last committed batch: the file read a batch ahead (<see cref="ImportPass"/>),
/// each batch recorded in shares (<see cref="ImportShareWriter"/>), rows already recorded skipped, the progress stored
/// after each batch. docs/import.md tells the whole of it (atomic imports, resuming, bounded memory).
/// </summary>
public sealed class Importer(IDocumentStore store, TimeProvider clock, IOptions<ImportOptions> options, ILogger<Importer> logger)
{
    // Its passes (ImportPass) and the writers of a batch's shares (ImportShareWriter) use these.
    internal IDocumentStore Store { get; } = store;
    internal TimeProvider Clock { get; } = clock;
    internal ILogger Logger { get; } = logger;
    private readonly ImportOptions _options = options.Value;

    public static ImportRun NewRun(ImportFormat format, bool atomic, string source, long bytes, DateTimeOffset now, ImportOptions options) =>
        ImportRun.Start(ImportFormatName.NameOf(format), atomic, source, bytes, now, options.BatchSize, options.Writers);

    /// <summary>
    /// The actor mapping as it is now: the start-up table (Tracker:Imports:Actors), then every actor's own GDELT mapping.
    /// Read when an import runs, so a mapping changed through the API applies to the next import, with no restart.
    /// </summary>
    public async Task<ActorMapping> MappingAsync(CancellationToken ct)
    {
        await using var session = Store.QuerySession();
        var actors = await session.Query<Actor>().Where(a => a.Gdelt != null).OrderBy(a => a.Id).ToListAsync(ct);
        var rules = _options.Actors.Concat(actors.Select(a => new ActorRule { Actor = a.Id, Country = a.Gdelt!.Country, Markers = [.. a.Gdelt.Markers], Name = a.Name }));
        var (mapping, errors) = ActorMapping.Create(rules);
        return mapping ?? throw new InvalidOperationException($"The actor mapping is invalid: {string.Join("; ", errors)}");
    }

    public const string NoMapping = "A GDELT import needs an actor mapping, and there is none: give actors theirs (PUT /api/actors/{id} with \"gdelt\": { \"country\": \"TUR\" }) or set Tracker:Imports:Actors (docs/import.md).";

    /// <summary>Whether a GDELT import could map any actor now; a refusal before anything starts if not.</summary>
    public async Task<string?> MappingProblemAsync(ImportFormat format, CancellationToken ct) =>
        format == ImportFormat.Gdelt && (await MappingAsync(ct)).Rules.Count == 0 ? NoMapping : null;

    public async Task<ImportRun?> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<ImportRun>(id, ct);
    }

    public Task FailAsync(ImportRun run, string failure) => FinishAsync(run.Fail(failure), Stopwatch.StartNew());

    public async Task SaveAsync(ImportRun run, CancellationToken ct)
    {
        await using var session = Store.LightweightSession();
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
        var format = ImportFormatName.Of(run);
        var stopwatch = Stopwatch.StartNew();
        Logger.LogInformation("Import {Id} ({Format}{Atomic}, {Bytes:N0} bytes) {Started}", run.Id, run.Format, run.Atomic ? ", atomic" : "", run.Bytes,
            run.RowsRead > 0 ? $"resumed after row {run.RowsRead:N0}" : "started");
        try
        {
            var pass = new ImportPass(this, await MappingAsync(ct), ct);
            if (run.Validating)
            {
                run = (await pass.RunAsync(run.RestartValidation(), path, format, write: false)).Validated();
                if (run.Status == ImportRun.Failed) return await FinishAsync(run, stopwatch);
            }
            run = await pass.RunAsync(run, path, format, write: true);
            return await FinishAsync(run with { Status = ImportRun.Completed }, stopwatch);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Logger.LogInformation("Import {Id} stopped with the service; it resumes when a node runs it again", run.Id);
            throw;
        }
        catch (InvalidDataException e)
        {
            return await FinishAsync((await CommittedAsync(run)).Fail(e.Message), stopwatch);
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Import {Id} failed", run.Id);
            return await FinishAsync((await CommittedAsync(run)).Fail($"{e.GetType().Name}: {e.Message}. Import the file again: rows already recorded are skipped."), stopwatch);
        }
    }

    /// <summary>The run as its last committed batch stored it, with the shares committed after (<see cref="ImportRun.WithCommitted"/>).</summary>
    private async Task<ImportRun> CommittedAsync(ImportRun run)
    {
        await using var session = Store.QuerySession();
        var stored = await session.LoadAsync<ImportRun>(run.Id) ?? run;
        return stored.WithCommitted(await session.Query<ImportShare>().Where(s => s.ImportId == run.Id).ToListAsync());
    }

    private async Task<ImportRun> FinishAsync(ImportRun run, Stopwatch stopwatch)
    {
        run = run.Finish(Clock.GetUtcNow());
        await using (var session = Store.LightweightSession())
        {
            session.Store(run);
            session.DeleteWhere<ImportShare>(s => s.ImportId == run.Id);
            await session.SaveChangesAsync(CancellationToken.None);
        }
        Logger.LogInformation(
            "Import {Id} {Status} in {Seconds:N1} s: {Read:N0} rows read, {Recorded:N0} recorded, {Repeats:N0} repeats of an event, {Already:N0} already imported, {Rejected:N0} rejected{Failure}",
            run.Id, run.Status, stopwatch.Elapsed.TotalSeconds, run.RowsRead, run.Recorded, run.Repeats, run.AlreadyImported, run.Rejected,
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
    internal async Task AnalyzeEventsIfNeverAnalyzedAsync(CancellationToken ct)
    {
        var events = $"{Store.Options.Events.DatabaseSchemaName}.mt_events";
        await using var connection = Store.Storage.Database.CreateConnection();
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
}
