using System.Net.Http.Json;
using Marten;
using RelationsTracker.Api.Storage;
using RelationsTracker.Bench;

// The benchmark of docs/performance.md. Run it with ./bench.sh, which provides the database and builds
// the API; by hand: ConnectionStrings__Marten=... dotnet run -c Release --project src/RelationsTracker.Bench -- --api <RelationsTracker.Api.dll>
var options = BenchOptions.Parse(args);
Console.WriteLine($"RelationsTracker benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"database: {options.DatabaseDescription}; sizes: {string.Join(", ", options.Sizes)}");
Console.WriteLine();

using var store = DocumentStore.For(opts =>
{
    EventStore.Configure(opts, options.ConnectionString);
    // The naive baseline: Marten folding the whole stream live, with the same fold as the Relation document's.
    opts.Projections.Add<LiveRelationAggregation>(JasperFx.Events.Projections.ProjectionLifecycle.Live);
});
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
var run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
if (options.ImportRows > 0)
{
    // ./bench.sh --import [rows]: only the import against Marten's batched append and a raw INSERT (ImportBench.cs).
    await ImportBench.RunAsync(options, store, run);
    return;
}
if (options.ManyRelations > 0)
{
    // ./bench.sh --many [relations] [--each developments]: the list and memory with many relations (ManyRelationsBench.cs).
    await ManyRelationsBench.RunAsync(options, store, run);
    return;
}
if (options.TwoNodes)
{
    // ./bench.sh --two-nodes: two API processes on one database (TwoNodeBench.cs).
    await TwoNodeBench.RunAsync(options, store, run);
    return;
}
await using var api = await ApiProcess.StartAsync(options);
using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.ApiKey);

var table = new ResultTable();

// The first requests after a start, each once: what a user meets right after a deploy (issue 18, "a prompt start").
Console.WriteLine($"API started and ready in {api.StartedToReady.TotalSeconds:N1} s");
table.Add(null, "First request after start: GET /api/relations", await Measure.OnceAsync(() => http.GetAsync("/api/relations")));
table.Add(null, "First write after start: PUT /api/actors/{id}", await Measure.OnceAsync(() =>
    http.PutAsJsonAsync($"/api/actors/BFA-{run}", new { name = "First write" })));
table.Add(null, "First read of a relation after start: GET /api/relations/{a}/{b}", await Measure.OnceAsync(() =>
    http.GetAsync($"/api/relations/BFA-{run}/BFB-{run}")));

if (options.LoadSeconds > 0)
{
    // ./bench.sh --load [seconds]: only the mixed load, on 8 relations of 1,000 developments each (LoadTest.cs).
    await LoadTest.RunPhaseAsync(store, http, run, options.LoadSeconds);
    return;
}

foreach (var size in options.Sizes)
{
    var relation = await Loader.CreateRelationAsync(store, http, $"BNA-{run}{size}", $"BNB-{run}{size}");
    var loadTime = await Loader.LoadAsync(store, relation, size, seed: size);
    Console.WriteLine($"loaded {size:N0} developments, about a quarter of them with a report, into {relation} in {loadTime.TotalSeconds:N1} s");
    // The notification subscription works through the load in the API; measure once it has caught up.
    var catchUp = await Loader.WaitForNotificationsAsync(store);
    Console.WriteLine($"  notifications caught up {catchUp.TotalSeconds:N1} s after the load");
    var path = $"/api/relations/{relation.First}/{relation.Second}";

    // The first reads of a relation this node has never read (it was loaded through Marten, not through the API):
    // what a user meets after a deploy or on a node that has not served it (issue 18, "cold reads"). Measured
    // reads after them are warm, as in steady state.
    var random = new Random(size);
    table.Add(size, "First read of this relation (cold): GET as of a date", await Measure.OnceAsync(() => http.GetAsync($"{path}?asOf=2025-06-30")));
    var asOf = await Measure.LatencyAsync(options.Reads, async () =>
    {
        var date = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9490));
        (await http.GetAsync($"{path}?asOf={date:yyyy-MM-dd}")).EnsureSuccessStatusCode();
    });
    table.Add(size, "GET relation as of a random date (1 client)", asOf);

    // The same reads weighed by corroboration (scoring.md): each development's factor from its sources and reports.
    await http.GetStringAsync($"{path}?asOf=2025-06-30&weighting=corroborated");
    var corroborated = await Measure.LatencyAsync(options.Reads, async () =>
    {
        var date = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9490));
        (await http.GetAsync($"{path}?asOf={date:yyyy-MM-dd}&weighting=corroborated")).EnsureSuccessStatusCode();
    });
    table.Add(size, "GET relation as of a random date, weighting=corroborated (1 client)", corroborated);

    var series = await Measure.LatencyAsync(Math.Max(10, options.Reads / 4), async () =>
    {
        var from = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9000));
        (await http.GetAsync($"{path}/score?from={from:yyyy-MM-dd}&to={from.AddDays(364):yyyy-MM-dd}&step=day")).EnsureSuccessStatusCode();
    });
    table.Add(size, "GET 365-point daily score series (1 client)", series);

    // Nodes started now have never served the relation. One node per request, so each request is a first. A node is
    // ready once its warm-up has read the list's first page and the first relation through its own routes and
    // loaded as many relations as it may hold, the largest first, from their snapshots (the first read above wrote
    // this one's) (Storage/WarmUp). A node that may hold fewer developments than the relation has does not keep it: its
    // first read starts from the snapshot and reads only what changed after it. A one-development relation sorts
    // first, so the warm-up's reads of the first relation are not of this one.
    var first = await Loader.CreateRelationAsync(store, http, $"AAA-{run}{size}", $"AAB-{run}{size}");
    (await http.PostAsJsonAsync($"/api/relations/{first.First}/{first.Second}/developments", Generator.Request(random, first))).EnsureSuccessStatusCode();
    var small = new Dictionary<string, string> { ["Tracker__Reads__DevelopmentsHeld"] = "1000" };
    var firstAsOf = $"{path}?asOf=2024-06-30";
    var year = $"{path}/score?from=2024-01-01&to=2024-12-30&step=day";
    (string Name, string Url)[] firstRequests = [("GET as of 2024-06-30", firstAsOf), ("GET 2024's daily score series", year)];
    // The new nodes' first requests, on this warm node: a fixed date counts more developments than a random one does.
    foreach (var (name, url) in firstRequests)
        table.Add(size, $"Warm node, the request a new node answers first: {name}", await Measure.LatencyAsync(Math.Max(10, options.Reads / 4),
            async () => (await http.GetAsync(url)).EnsureSuccessStatusCode()));
    // The same requests on this node after a pause, as a new node's first request comes after its ready: on this
    // machine any request after a second or more of quiet was measured slower than one of a back-to-back run.
    foreach (var (name, url) in firstRequests)
    {
        var paused = new List<double>();
        for (var n = 0; n < Math.Max(5, options.NewNodes); n++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            (await http.GetAsync("/health/live")).EnsureSuccessStatusCode();
            paused.Add((await Measure.OnceAsync(() => http.GetAsync(url))).P50);
        }
        table.Add(size, $"Warm node, the same request after a 1 s pause: {name}", Latency.Of(paused));
    }
    foreach (var (name, url, settings, nodes) in new[]
             {
                 ("GET as of 2024-06-30", firstAsOf, (Dictionary<string, string>?)null, options.NewNodes),
                 ("GET 2024's daily score series", year, null, options.NewNodes),
                 ("GET /api/relations", "/api/relations", null, 1),
                 ("GET as of 2024-06-30", firstAsOf, small, 1),
             })
    {
        // A node per first read (--new-nodes of them for the relation's reads): one sample falls anywhere in the spread.
        var ready = new List<double>();
        var firsts = new List<double>();
        for (var n = 0; n < nodes; n++)
        {
            await using var node = await ApiProcess.StartAsync(options, settings);
            using var nodeHttp = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            ready.Add(node.StartedToReady.TotalMilliseconds);
            // The client's connection is opened first, as a load balancer's would be: what is timed is the node's answer.
            (await nodeHttp.GetAsync("/health/live")).EnsureSuccessStatusCode();
            firsts.Add((await Measure.OnceAsync(() => nodeHttp.GetAsync(url))).P50);
        }
        var kind = settings is null ? "New node" : "New node holding at most 1,000 developments";
        table.Add(size, $"{kind}: started to ready, its warm-up included (then {name})", Latency.Of(ready));
        var read = settings is null ? "loaded when ready" : "not kept, read from its snapshot";
        table.Add(size, $"{kind}, first read once ready ({read}): {name}", Latency.Of(firsts));
    }

    // Marten's own live aggregation of the same stream: the naive way to answer "the relation now".
    var aggregate = await Measure.LatencyAsync(size >= 100_000 ? 5 : 20, async () =>
    {
        await using var session = store.QuerySession();
        _ = await session.Events.AggregateStreamAsync<LiveRelation>(relation.ToString());
    });
    table.Add(size, "Marten AggregateStreamAsync of the stream (baseline)", aggregate);

    var post = await Measure.LatencyAsync(options.Posts, async () =>
    {
        var response = await http.PostAsJsonAsync($"{path}/developments", Generator.Request(random, relation));
        if ((int)response.StatusCode != 201) throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    });
    table.Add(size, "POST a development (1 client)", post);

    var sustainedCpu = CpuUse.Start(api.ProcessId);
    var sustained = await Measure.ThroughputAsync(options.Writers, options.SustainedSeconds, async (writer, rnd) =>
    {
        var response = await http.PostAsJsonAsync($"{path}/developments", Generator.Request(rnd, relation));
        if ((int)response.StatusCode != 201) throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    });
    table.Add(size, $"POST sustained, {options.Writers} clients on this relation", sustained);
    table.Add(sustainedCpu.Stop($"{size:N0}: POST sustained, {options.Writers} clients on this relation", sustained.Operations));

    // This relation's documents rebuilt alone from its stream (rebuild-relation, operations.md).
    int streamEvents;
    await using (var query = store.QuerySession())
        streamEvents = (int)(await query.Events.FetchStreamStateAsync(relation.ToString()))!.Version;
    RelationRebuilt? rebuilt = null;
    table.Add(size, $"Rebuild of this relation alone ({streamEvents:N0} events)",
        await Measure.RateAsync(streamEvents, async () => rebuilt = await RelationRebuild.RunAsync(store, relation, CancellationToken.None)));
    Console.WriteLine($"  rebuild of this relation alone: {rebuilt}");
}

// Writers on separate relations, and Marten's bare append rate: the ceiling for the POST path.
var relations = new List<RelationsTracker.Relations.RelationId>();
for (var i = 0; i < options.Writers; i++)
    relations.Add(await Loader.CreateRelationAsync(store, http, $"BNC-{run}{i}", $"BND-{run}{i}"));
var spreadCpu = CpuUse.Start(api.ProcessId);
var spread = await Measure.ThroughputAsync(options.Writers, options.SustainedSeconds, async (writer, rnd) =>
{
    var relation = relations[writer];
    var response = await http.PostAsJsonAsync($"/api/relations/{relation.First}/{relation.Second}/developments", Generator.Request(rnd, relation));
    if ((int)response.StatusCode != 201) throw new InvalidOperationException($"POST answered {(int)response.StatusCode}");
});
table.Add(null, $"POST sustained, {options.Writers} clients on {options.Writers} relations", spread);
table.Add(spreadCpu.Stop($"POST sustained, {options.Writers} clients on {options.Writers} relations", spread.Operations));

await Loader.WaitForNotificationsAsync(store);
using var bare = DocumentStore.For(opts =>
{
    // Marten 9 defaults, no projections: what appending one event per transaction costs by itself.
    opts.Connection(options.ConnectionString);
    opts.DatabaseSchemaName = "bench_bare";
    opts.Events.StreamIdentity = JasperFx.Events.StreamIdentity.AsString;
    opts.Events.AddEventTypes(EventStore.DevelopmentEventTypes());
});
await bare.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
foreach (var writers in new[] { 4, options.Writers })
{
    // The API's process is idle here; its share is what it spends doing nothing.
    var bareCpu = CpuUse.Start(api.ProcessId);
    var bareAppends = await Measure.ThroughputAsync(writers, options.SustainedSeconds, async (writer, rnd) =>
    {
        await using var session = bare.LightweightSession();
        var relation = relations[writer % relations.Count];
        session.Events.Append($"{relation}-{run}", Generator.Event(rnd, relation));
        await session.SaveChangesAsync();
    });
    table.Add(null, $"Marten bare single-event append, {writers} writers (ceiling)", bareAppends);
    table.Add(bareCpu.Stop($"Marten bare single-event append, {writers} writers", bareAppends.Operations));
}

// Notifications: from the 201 to each SSE client, over 1,000 developments, with 1 and 50 clients.
foreach (var clients in new[] { 1, 50 })
{
    var relation = await Loader.CreateRelationAsync(store, http, $"BNE-{run}{clients}", $"BNF-{run}{clients}");
    var latency = await NotificationLatency.MeasureAsync(http, relation, clients, options.Notifications);
    table.Add(null, $"POST 201 → SSE client receives it, {clients} client(s), {options.Notifications:N0} developments", latency);
}

// A full rebuild of the documents from every event in the database (operations.md), each projection in turn.
await using (var session = store.QuerySession())
{
    var events = (await session.QueryAsync<long>("select count(*) from tracker.mt_events"))[0];
    using var daemon = await store.BuildProjectionDaemonAsync();
    Task Rebuild(string projection) => daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(30), CancellationToken.None);
    foreach (var projection in new[] { RelationProjection.Name, DevelopmentProjection.Name })
        table.Add(null, $"Rebuild of the {projection} documents, {events:N0} events", await Measure.RateAsync((int)events, () => Rebuild(projection)));
    // Both at once, as `projections rebuild` runs them (JasperFx's command rebuilds a database's projections concurrently).
    table.Add(null, $"Full rebuild, both projections at once, {events:N0} events",
        await Measure.RateAsync((int)events, () => Task.WhenAll(Rebuild(RelationProjection.Name), Rebuild(DevelopmentProjection.Name))));
}

Console.WriteLine();
table.Print(Console.Out);
