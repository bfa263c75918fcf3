using System.Diagnostics;
using Marten;
using RelationsTracker.Relations;

namespace RelationsTracker.Bench;

/// <summary>
/// <c>./bench.sh --many [relations] [--each developments] [--as-imported]</c>: many relations loaded through Marten (as
/// the main phases load theirs; with --as-imported under the import's event type names, so the notifications skip
/// them as they skip an import's), then the relation list and reads of random relations on new nodes, warm,
/// and the API process's resident memory while it serves them (issue 18: "many relations", "bounded memory").
/// </summary>
public static class ManyRelationsBench
{
    public static async Task RunAsync(BenchOptions options, IDocumentStore store, string run)
    {
        var table = new ResultTable();
        var relations = Enumerable.Range(0, options.ManyRelations).Select(i => RelationId.Of($"MRA-{run}{i:00000}", $"MRB-{run}{i:00000}")).ToList();
        // --large: one relation of that many developments changed before all the others, as item 1 of issue 18 is checked.
        RelationId? large = options.LargeRelation > 0 ? RelationId.Of($"LRA-{run}", $"LRB-{run}") : null;
        if (large is { } l)
        {
            await store.BulkInsertDocumentsAsync(l.Actors.Select(id => new RelationsTracker.Actors.Actor(id, $"Bench actor {id}", null)));
            var took = await Loader.LoadAsync(store, l, options.LargeRelation, seed: 5);
            Console.WriteLine($"loaded one relation of {options.LargeRelation:N0} developments through Marten in {took.TotalSeconds:N0} s");
        }
        var load = Stopwatch.StartNew();
        await LoadAsync(store, relations, options.DevelopmentsEach, options.ManyAsImported);
        var total = (long)relations.Count * options.DevelopmentsEach;
        Console.WriteLine($"loaded {relations.Count:N0} relations of {options.DevelopmentsEach:N0} developments ({total:N0} in all) through Marten{(options.ManyAsImported ? ", as imported," : "")} in {load.Elapsed.TotalSeconds:N0} s");
        // The notification subscription works through the load on a node of its own first, so that no measured node
        // shares the machine with it; it reads each relation as it goes, so the snapshots it wrote are deleted after.
        await using (await ApiProcess.StartAsync(options))
        {
            var catchUp = await Loader.WaitForNotificationsAsync(store);
            Console.WriteLine($"  notifications caught up {catchUp.TotalSeconds:N0} s after the load");
        }
        await using (var session = store.LightweightSession())
        {
            session.QueueSqlCommand($"delete from {RelationsTracker.Api.Storage.TimelineSnapshots.TableName.QualifiedName}");
            await session.SaveChangesAsync();
        }

        var size = (int)Math.Min(int.MaxValue, total);
        var random = new Random(7);
        for (var node = 1; node <= 2; node++)
        {
            // The first node finds no snapshot (the relations were never read); the second, those the first wrote.
            await using var api = await ApiProcess.StartAsync(options);
            using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
            var pages = (relations.Count + 999) / 1000;
            // Ready only after its warm-up read the first page and loaded what it may hold (Storage/WarmUp).
            var label = node == 1 ? "new node once ready, no snapshots" : "new node once ready, snapshots written by the first";
            table.Add(size, $"New node: started to ready, its warm-up included ({label})", Latency.Of([api.StartedToReady.TotalMilliseconds]));
            table.Add(size, $"GET /api/relations, first page (1,000 of {relations.Count:N0} relations), {label}",
                await Measure.OnceAsync(() => http.GetAsync("/api/relations")));
            if (large is { } relation) await MeasureLargeAsync(table, http, relation, options.LargeRelation, label, warm: node == 1);
            // Every page once, so the node holds every relation (or as many as it may).
            var next = "/api/relations";
            for (var i = 0; i < pages && next is not null; i++)
            {
                using var response = await http.GetAsync(next);
                response.EnsureSuccessStatusCode();
                next = response.Headers.TryGetValues("Link", out var links) ? links.First().Split('<', '>')[1] : null;
            }
            if (node == 2) continue;
            table.Add(size, $"GET /api/relations, first page, warm ({relations.Count:N0} relations)",
                await Measure.LatencyAsync(20, async () => (await http.GetAsync("/api/relations")).EnsureSuccessStatusCode()));
            table.Add(size, $"GET a random relation as of a random date, warm ({relations.Count:N0} relations)", await Measure.LatencyAsync(options.Reads, async () =>
            {
                var relation = relations[random.Next(relations.Count)];
                var date = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9490));
                (await http.GetAsync($"/api/relations/{relation.First}/{relation.Second}?asOf={date:yyyy-MM-dd}")).EnsureSuccessStatusCode();
            }));
            Console.WriteLine($"  API process resident memory after reading every relation: {Megabytes(api.ProcessId, "VmRSS"):N0} MB (peak {Megabytes(api.ProcessId, "VmHWM"):N0} MB)");
        }
        Console.WriteLine();
        table.Print(Console.Out);
    }

    /// <summary>
    /// The large relation's first read on this node, as of a date, then (<paramref name="warm"/>) the same request warm,
    /// back to back and after a 1 s pause, before the list's pages are read (which may let the relation go).
    /// </summary>
    private static async Task MeasureLargeAsync(ResultTable table, HttpClient http, RelationId relation, int size, string label, bool warm)
    {
        var url = $"/api/relations/{relation.First}/{relation.Second}?asOf=2024-06-30";
        table.Add(size, $"Large relation among the many, first read ({label}): GET as of 2024-06-30", await Measure.OnceAsync(() => http.GetAsync(url)));
        if (!warm) return;
        table.Add(size, "Large relation among the many, warm, back to back: GET as of 2024-06-30",
            await Measure.LatencyAsync(50, async () => (await http.GetAsync(url)).EnsureSuccessStatusCode()));
        var paused = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            (await http.GetAsync("/health/live")).EnsureSuccessStatusCode();
            paused.Add((await Measure.OnceAsync(() => http.GetAsync(url))).P50);
        }
        table.Add(size, "Large relation among the many, warm, after a 1 s pause: GET as of 2024-06-30", Latency.Of(paused));
    }

    // Many relations to a transaction, each at its expected version, so the inline projections see each event's version.
    private static async Task LoadAsync(IDocumentStore store, IReadOnlyList<RelationId> relations, int each, bool asImported)
    {
        var random = new Random(11);
        var recordedAt = DateTimeOffset.UtcNow.AddDays(-1);
        recordedAt = new DateTimeOffset(recordedAt.Ticks - recordedAt.Ticks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
        // The routes name a relation by its actors, which must exist.
        await store.BulkInsertDocumentsAsync(relations.SelectMany(r => r.Actors).Distinct()
            .Select(id => new RelationsTracker.Actors.Actor(id, $"Bench actor {id}", null)));
        var perTransaction = Math.Max(1, 2_000 / each);
        for (var done = 0; done < relations.Count; done += perTransaction)
        {
            await using var session = store.LightweightSession();
            foreach (var relation in relations.Skip(done).Take(perTransaction))
            {
                var events = Enumerable.Range(0, each).Select(_ => (object)Generator.Event(random, relation)).ToArray();
                foreach (var e in session.Events.Append(relation.ToString(), events.Length, events).Events)
                {
                    e.Timestamp = recordedAt = recordedAt.AddTicks(TimeSpan.TicksPerMicrosecond);
                    if (asImported) e.EventTypeName = RelationsTracker.Api.Imports.ImportedEventType.NameFor(e.EventTypeName);
                }
            }
            await session.SaveChangesAsync();
        }
        await Loader.AnalyzeAsync(store);
    }

    /// <summary>A line of /proc/pid/status in MB: VmRSS resident now, VmHWM the most it was resident.</summary>
    private static double Megabytes(int pid, string field) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0).First();
}
