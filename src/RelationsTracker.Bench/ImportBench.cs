using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Marten;
using Npgsql;
using RelationsTracker.Api.Imports;
using RelationsTracker.Developments;
using RelationsTracker.Importing;

namespace RelationsTracker.Bench;

/// <summary>
/// ./bench.sh --import [rows]: one generated GDELT 2.0 events file of that many rows (default 1,000,000), in one
/// run against the same PostgreSQL, three ways: through the real import (POST /api/imports to the API process,
/// until GET /api/imports/{id} says completed), as Marten's own batched append of the same events (the
/// tracker's store options, so the same inline projections; and a bare store without them), and as a raw
/// multi-row INSERT of the same rows into a plain table. The API's peak memory shows the import is bounded.
/// </summary>
public static class ImportBench
{
    private const int Batch = 2000;

    public static async Task RunAsync(BenchOptions options, IDocumentStore store, string run)
    {
        var rows = options.ImportRows;
        var file = Path.Combine(Path.GetTempPath(), $"bench-import-{run}.export.CSV");
        try
        {
            var generating = Stopwatch.StartNew();
            await GdeltFileGenerator.WriteAsync(file, rows, run);
            Console.WriteLine($"generated {rows:N0} GDELT rows ({new FileInfo(file).Length / 1e6:N0} MB) in {generating.Elapsed.TotalSeconds:N1} s: {file}");

            var results = new List<(string What, long Rows, double Seconds, string Note)>();

            // 1. The import, through the API as users run it.
            var settings = new Dictionary<string, string>();
            for (var i = 0; i < GdeltFileGenerator.Countries; i++)
            {
                settings[$"Tracker__Imports__Actors__{i}__Country"] = GdeltFileGenerator.Country(i);
                settings[$"Tracker__Imports__Actors__{i}__Actor"] = $"{GdeltFileGenerator.Country(i)}-{run}";
            }
            await using (var api = await ApiProcess.StartAsync(options, settings))
            {
                using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromHours(1) };
                http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.ApiKey);
                // The service's first import pays for compiling its code paths (Wolverine's generated handlers, the JIT
                // without tiering); a small file first, so the timed import measures importing, as on a running service.
                var warmUpFile = file + ".warm-up";
                var warmUpRows = options.ImportWarmUpRows;
                await GdeltFileGenerator.WriteAsync(warmUpFile, warmUpRows, run, firstId: 800_000_000_000L);
                var warmUp = Stopwatch.StartNew();
                try { await ImportAsync(http, warmUpFile, api.ProcessId, warmUpRows); }
                finally { File.Delete(warmUpFile); }
                // With tiered compilation on (DOTNET_TieredCompilation=1, an experiment), the code the warm-up made hot is
                // recompiled in the background; a pause lets that finish before the timed import.
                await Task.Delay(TimeSpan.FromSeconds(3));
                Console.WriteLine($"warm-up: {warmUpRows} rows imported in {warmUp.Elapsed.TotalSeconds:N1} s (not timed below)");

                var before = Memory(api.ProcessId);
                Console.WriteLine($"API before the import: {before}");
                var total = Stopwatch.StartNew();
                var (state, uploaded) = await ImportAsync(http, file, api.ProcessId, rows);
                var seconds = total.Elapsed.TotalSeconds;
                var after = Memory(api.ProcessId);
                Console.WriteLine($"import: {state["recorded"]:N0} recorded; upload {uploaded.TotalSeconds:N1} s, then {state["elapsedSeconds"]} s importing; {seconds:N1} s in all");
                Console.WriteLine($"API after the import: {after}");
                results.Add(("Import: POST /api/imports until completed (upload, parse, validate, check ids, append)", rows, seconds,
                    $"API peak RSS {after.PeakMb:N0} MB (before: {before.PeakMb:N0} MB)"));
                var catchUp = await Loader.WaitForNotificationsAsync(store);
                Console.WriteLine($"  the notification subscription passed over the imported events {catchUp.TotalSeconds:N1} s after the import completed");
            }

            // 2. Marten's own batched append of the same events: parsed first, so only Marten is timed.
            var tracker = await MartenAppendAsync(store, file, run, "M", rows);
            results.Add(("Marten batched append, the tracker's store (inline projections), 2,000 events per SaveChanges", rows, tracker, "parsing not timed"));
            using (var bare = DocumentStore.For(opts =>
            {
                // The same JSON and prepared statements as the tracker's store, so the two differ only in what the
                // tracker adds (its projections); Marten's defaults otherwise.
                opts.Connection(RelationsTracker.Api.Storage.EventStore.WithPreparedStatements(options.ConnectionString));
                opts.DatabaseSchemaName = "bench_bare";
                RelationsTracker.Api.Storage.EventStore.UseTrackerJson(opts);
                opts.Events.StreamIdentity = JasperFx.Events.StreamIdentity.AsString;
                opts.Events.AddEventTypes(RelationsTracker.Api.Storage.EventStore.DevelopmentEventTypes());
            }))
            {
                await bare.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
                var bareSeconds = await MartenAppendAsync(bare, file, run, "B", rows);
                results.Add(("Marten batched append, bare store (no projections), 2,000 events per SaveChanges", rows, bareSeconds, "parsing not timed"));
            }

            // 3. A raw multi-row INSERT of the same rows into a plain table.
            var insert = await RawInsertAsync(options.ConnectionString, file, run, rows);
            results.Add(("Raw multi-row INSERT into a plain table, 1,000 rows per statement", rows, insert, "parsing not timed"));

            Console.WriteLine();
            Console.WriteLine("| measurement | rows | seconds | rows per second | import as % of it | note |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|");
            var importRate = rows / results[0].Seconds;
            foreach (var (what, n, s, note) in results)
                Console.WriteLine($"| {what} | {n:N0} | {s:N1} | {n / s:N0} | {100 * importRate / (n / s):N0}% | {note} |");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>POSTs the file and follows the import until it ends; fails unless every row was recorded.</summary>
    private static async Task<(JsonNode State, TimeSpan Uploaded)> ImportAsync(HttpClient http, string file, int apiProcess, int rows)
    {
        var total = Stopwatch.StartNew();
        await using var upload = File.OpenRead(file);
        var content = new StreamContent(upload, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/tab-separated-values");
        var response = await http.PostAsync("/api/imports?format=gdelt", content);
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"POST /api/imports answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var uploaded = total.Elapsed;
        var location = response.Headers.Location!.OriginalString;
        JsonNode state;
        var lastPrint = Stopwatch.StartNew();
        while (true)
        {
            state = JsonNode.Parse(await http.GetStringAsync(location))!;
            if (state["status"]!.GetValue<string>() != "running") break;
            if (lastPrint.Elapsed > TimeSpan.FromSeconds(10))
            {
                lastPrint.Restart();
                Console.WriteLine($"  {state["rowsRead"]:N0} rows read, {state["recorded"]} recorded, {Memory(apiProcess)}");
            }
            await Task.Delay(200);
        }
        if (state["status"]!.GetValue<string>() != "completed" || state["recorded"]!.GetValue<long>() != rows)
            throw new InvalidOperationException($"The import did not record every row: {state.ToJsonString()}");
        return (state, uploaded);
    }

    /// <summary>The file's developments as the import makes them, under actors of their own (<paramref name="suffix"/>) and new ids.</summary>
    private static IEnumerable<List<(string Stream, DevelopmentRecorded Event, ImportCandidate Row)>> Batches(string file, string run, string suffix)
    {
        var mapping = ActorMapping.Create(Enumerable.Range(0, GdeltFileGenerator.Countries).Select(i => new ActorRule { Country = GdeltFileGenerator.Country(i), Actor = $"{GdeltFileGenerator.Country(i)}-{run}{suffix}" })).Mapping!;
        using var reader = new StreamReader(file);
        var batch = new List<(string, DevelopmentRecorded, ImportCandidate)>(Batch);
        foreach (var row in ImportRows.Read(ImportFormat.Gdelt, reader, mapping, DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            var c = row.Candidate ?? throw new InvalidOperationException($"line {row.Rejected!.Line}: {row.Rejected.Reason}");
            // A name-based id of its own: not the import's, and not announced by the notification subscription either.
            var e = c.Event with { DevelopmentId = ImportedDevelopment.IdOfCsvRow([suffix, c.Event.DevelopmentId.ToString()]) };
            batch.Add((c.Relation.ToString(), e, c));
            if (batch.Count == Batch)
            {
                yield return batch;
                batch = new(Batch);
            }
        }
        if (batch.Count > 0) yield return batch;
    }

    private static async Task<double> MartenAppendAsync(IDocumentStore store, string file, string run, string suffix, int rows)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var timed = TimeSpan.Zero;
        var appended = 0L;
        foreach (var batch in Batches(file, run, suffix))
        {
            var start = Stopwatch.GetTimestamp();
            await using var session = store.LightweightSession();
            foreach (var group in batch.GroupBy(x => x.Stream))
            {
                var events = group.Select(x => (object)x.Event).ToArray();
                // Expected versions, as the tracker's inline projections need them (Marten's quick append).
                if (versions.TryGetValue(group.Key, out var version)) session.Events.Append(group.Key, version + events.Length, events);
                else session.Events.StartStream(group.Key, events);
                versions[group.Key] = version + events.Length;
            }
            await session.SaveChangesAsync();
            timed += Stopwatch.GetElapsedTime(start);
            appended += batch.Count;
        }
        if (appended != rows) throw new InvalidOperationException($"appended {appended:N0} of {rows:N0}");
        Console.WriteLine($"Marten ({store.Options.DatabaseSchemaName}): {rows:N0} events in {timed.TotalSeconds:N1} s");
        return timed.TotalSeconds;
    }

    private static async Task<double> RawInsertAsync(string connectionString, string file, string run, int rows)
    {
        // Prepared, as the stores above: PostgreSQL plans the 1,000-row statement once, not on every execution.
        await using var data = NpgsqlDataSource.Create(RelationsTracker.Api.Storage.EventStore.WithPreparedStatements(connectionString));
        await using (var create = data.CreateCommand("""
            create schema if not exists bench_import;
            drop table if exists bench_import.developments;
            create table bench_import.developments (
                id uuid primary key, relation text not null, type text not null, occurred_on text not null, actor text not null,
                significance text not null, summary text not null, source_url text, published_on text, recorded_at timestamptz not null)
            """))
            await create.ExecuteNonQueryAsync();

        const int perStatement = 1000;
        var timed = TimeSpan.Zero;
        var inserted = 0L;
        await using var connection = await data.OpenConnectionAsync();
        foreach (var batch in Batches(file, run, "R"))
        {
            for (var offset = 0; offset < batch.Count; offset += perStatement)
            {
                var slice = batch.Skip(offset).Take(perStatement).ToList();
                var sql = new StringBuilder("insert into bench_import.developments values ");
                await using var command = new NpgsqlCommand { Connection = connection };
                for (var i = 0; i < slice.Count; i++)
                {
                    var e = slice[i].Event;
                    var p = i * 10;
                    sql.Append(i == 0 ? "" : ",").Append($"(${p + 1},${p + 2},${p + 3},${p + 4},${p + 5},${p + 6},${p + 7},${p + 8},${p + 9},${p + 10})");
                    command.Parameters.Add(new NpgsqlParameter { Value = e.DevelopmentId });
                    command.Parameters.Add(new NpgsqlParameter { Value = slice[i].Stream });
                    command.Parameters.Add(new NpgsqlParameter { Value = e.Type.ToString() });
                    command.Parameters.Add(new NpgsqlParameter { Value = e.OccurredOn.ToString() });
                    command.Parameters.Add(new NpgsqlParameter { Value = e.Actor });
                    command.Parameters.Add(new NpgsqlParameter { Value = e.Significance.Name() });
                    command.Parameters.Add(new NpgsqlParameter { Value = e.Summary });
                    command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.Sources[0].Url ?? DBNull.Value });
                    command.Parameters.Add(new NpgsqlParameter { Value = (object?)e.Sources[0].PublishedOn?.ToString() ?? DBNull.Value });
                    command.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow });
                }
                command.CommandText = sql.ToString();
                var start = Stopwatch.GetTimestamp();
                await command.ExecuteNonQueryAsync();
                timed += Stopwatch.GetElapsedTime(start);
                inserted += slice.Count;
            }
        }
        if (inserted != rows) throw new InvalidOperationException($"inserted {inserted:N0} of {rows:N0}");
        Console.WriteLine($"raw INSERT: {rows:N0} rows in {timed.TotalSeconds:N1} s");
        return timed.TotalSeconds;
    }

    private sealed record ProcessMemory(double RssMb, double PeakMb)
    {
        public override string ToString() => $"RSS {RssMb:N0} MB, peak RSS {PeakMb:N0} MB";
    }

    /// <summary>The process's resident memory now and at its peak (VmRSS, VmHWM from /proc).</summary>
    private static ProcessMemory Memory(int pid)
    {
        double Read(string name) => File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(name + ":"))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();
        return new ProcessMemory(Read("VmRSS"), Read("VmHWM"));
    }
}
