using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Api.Storage;
using RelationsTracker.Api.Tests.Infrastructure;
using RelationsTracker.Developments;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Tests;

/// <summary>
/// A relation's snapshot in PostgreSQL: written by a read that met enough changes, read by a node that has not read
/// the relation, and giving the same answers as the documents; rebuilds remove it.
/// </summary>
public class TimelineSnapshotTests(TrackerApp app) : TrackerTest(app)
{
    private const string KnownAt = "knownAt=2100-01-01T00:00:00Z";
    // Enough developments for a first read to write the relation's snapshot (TimelineHolding.SnapshotDue).
    private const int Enough = 1_000;

    [Fact]
    public async Task A_node_that_never_read_a_relation_starts_from_its_snapshot_and_answers_as_from_the_documents()
    {
        var (a, b) = await CreateRelationAsync();
        var key = RelationId.Of(a, b).ToString();
        var visit = await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", a, "high"));
        await AppendConsultationsAsync(key, a, b, after: 1, count: Enough);
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{visit["id"]}/correction", new { reason = "r", occurredOn = "2025-04-05" }), HttpStatusCode.Created);
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{visit["id"]}/reports",
            new { stance = "confirms", source = new { url = "https://www.ekathimerini.com/a", publisher = "Kathimerini" } }), HttpStatusCode.Created);

        // This read meets every development: enough changes to write the snapshot.
        await GetJsonAsync($"/api/relations/{a}/{b}?{KnownAt}");
        var version = await SnapshotVersionAsync(key, atLeast: Enough + 3);
        Assert.Equal(Enough + 3, version);

        // Changes after the snapshot: a new node reads them from the documents on top of it.
        var later = await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", b));
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{later["id"]}/retraction", new { reason = "r" }), HttpStatusCode.Created);
        string[] urls =
        [
            $"/api/relations/{a}/{b}?asOf=2025-09-01&{KnownAt}",
            $"/api/relations/{a}/{b}?asOf=2025-09-01&weighting=corroborated&{KnownAt}",
            $"/api/relations/{a}/{b}?asOf=2025-09-01&knownAt={DateTimeOffset.UtcNow.AddDays(-1):O}",
            $"/api/relations/{a}/{b}/score?from=2024-01-01&to=2025-12-31&step=month&{KnownAt}",
            $"/api/relations/{a}/{b}/developments?asOf=2025-09-01&limit=5&{KnownAt}",
            $"/api/relations/{a}/{b}/revisions?asOf=2025-09-01&limit=5&since={DateTimeOffset.UtcNow.AddMinutes(-10):O}&until={DateTimeOffset.UtcNow.AddMinutes(10):O}",
        ];
        var timelines = App.Services.GetRequiredService<RelationTimelines>();
        timelines.Clear();
        var fromSnapshot = new List<JsonObject>();
        foreach (var url in urls) fromSnapshot.Add(await GetJsonAsync(url));
        Assert.Equal(Enough + 5, fromSnapshot[0]["version"]!.GetValue<long>());

        await using (var session = App.Store.LightweightSession())
        {
            TimelineSnapshots.QueueForget(session, key);
            await session.SaveChangesAsync();
        }
        timelines.Clear();
        for (var i = 0; i < urls.Length; i++)
        {
            var fromDocuments = await GetJsonAsync(urls[i]);
            Assert.True(JsonNode.DeepEquals(fromDocuments, fromSnapshot[i]), $"{urls[i]}\nfrom the documents: {fromDocuments.ToJsonString()}\nfrom the snapshot: {fromSnapshot[i].ToJsonString()}");
        }
    }

    [Fact]
    public async Task Once_the_due_snapshots_are_saved_every_snapshot_the_reads_made_due_is_stored()
    {
        var keys = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var (a, b) = await CreateRelationAsync();
            keys.Add(RelationId.Of(a, b).ToString());
            await AppendConsultationsAsync(keys[i], a, b, after: 0, count: Enough);
        }
        var timelines = App.Services.GetRequiredService<RelationTimelines>();

        // Back to back, as a starting node's warm-up reads: the second read's snapshot may be passed over while the
        // first's is written. Saving what is due (what the warm-up does before ready) writes both.
        foreach (var key in keys) await GetJsonAsync($"/api/relations/{key.Replace('~', '/')}?{KnownAt}");
        await timelines.SaveDueSnapshotsAsync(App.Store, CancellationToken.None);

        foreach (var key in keys) Assert.Equal(Enough, await SnapshotVersionOrNullAsync(key));
    }

    [Fact]
    public async Task The_snapshot_is_read_rather_than_the_documents_it_covers()
    {
        var (a, b, key) = await SnapshottedRelationAsync();

        // A snapshot that says "nothing was recorded up to this version": a node that trusts it counts nothing.
        await TimelineSnapshots.SaveAsync(App.Store, key, Enough + 1, [], CancellationToken.None);
        App.Services.GetRequiredService<RelationTimelines>().Clear();

        Assert.Equal(0, (await GetJsonAsync($"/api/relations/{a}/{b}?{KnownAt}"))["developmentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rebuilding_a_relation_or_every_projection_removes_the_snapshots()
    {
        var (a, b, key) = await SnapshottedRelationAsync();

        await RelationRebuild.RunAsync(App.Store, RelationId.Of(a, b), CancellationToken.None);
        Assert.Null(await SnapshotVersionOrNullAsync(key));

        App.Services.GetRequiredService<RelationTimelines>().Clear();
        await GetJsonAsync($"/api/relations/{a}/{b}?{KnownAt}");
        await SnapshotVersionAsync(key, atLeast: Enough);
        var daemon = await App.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(DevelopmentProjection.Name, TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.Null(await SnapshotVersionOrNullAsync(key));
    }

    [Fact]
    public async Task The_list_reads_relations_held_snapshotted_and_never_read_as_each_relation_reads_alone()
    {
        var x = await CreateActorAsync();
        var (a, b, c) = (await CreateActorAsync(), await CreateActorAsync(), await CreateActorAsync());
        var snapshotted = RelationId.Of(x, a).ToString();
        await AppendConsultationsAsync(snapshotted, x, a, after: 0, count: Enough);
        await GetJsonAsync($"/api/relations/{x}/{a}?{KnownAt}");
        await SnapshotVersionAsync(snapshotted, atLeast: Enough);
        App.Services.GetRequiredService<RelationTimelines>().Clear();
        await RecordAsync(x, a, Development("OfficialVisit", "2025-04-04", a, "high"));
        await RecordAsync(x, b, Development("Protest", "2025-05-01", b));
        await GetJsonAsync($"/api/relations/{x}/{b}?{KnownAt}");
        await RecordAsync(x, b, Development("Aid", "2025-06-01", x));
        await RecordAsync(x, c, Development("AgreementSigned", "2024-11-27", c, agreement: "mou", title: "The MoU"));

        var list = (await GetJsonAsync($"/api/relations?actor={x}&asOf=2025-09-01&{KnownAt}"))["relations"]!.AsArray();

        Assert.Equal(3, list.Count);
        foreach (var summary in list)
        {
            var actors = summary!["actors"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
            var alone = await GetJsonAsync($"/api/relations/{actors[0]}/{actors[1]}?asOf=2025-09-01&{KnownAt}");
            foreach (var field in new[] { "score", "trend", "phase", "direction", "developmentCount", "version" })
                Assert.True(JsonNode.DeepEquals(alone[field], summary[field]), $"{summary["relation"]} {field}: {summary[field]} in the list, {alone[field]} alone");
        }
    }

    [Fact]
    public async Task A_node_holds_at_most_its_setting_in_developments_dropping_the_relations_read_least_recently_but_never_the_last()
    {
        var (a, b) = await CreateRelationAsync();
        var (c, d) = await CreateRelationAsync();
        foreach (var (x, y) in new[] { (a, b), (c, d) })
            for (var i = 0; i < 2; i++) await RecordAsync(x, y, Development("Aid", $"2025-0{i + 1}-01", x));
        var (first, second) = (RelationId.Of(a, b), RelationId.Of(c, d));
        await using var session = App.Store.QuerySession();

        var timelines = new RelationTimelines(developmentsHeld: 3);
        await timelines.GetAsync(session, first, CancellationToken.None);
        await timelines.GetAsync(session, second, CancellationToken.None);
        Assert.False(timelines.Holds(first));
        Assert.True(timelines.Holds(second));

        var tiny = new RelationTimelines(developmentsHeld: 1);
        var read = await tiny.GetAsync(session, second, CancellationToken.None);
        Assert.True(tiny.Holds(second));
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public async Task A_page_of_relations_is_read_a_group_at_a_time_each_reading_what_it_would_alone_and_the_node_keeps_its_bound()
    {
        var page = new List<(RelationId Relation, long Version)>();
        for (var r = 0; r < 3; r++)
        {
            var (a, b) = await CreateRelationAsync();
            for (var i = 0; i < 2; i++) await RecordAsync(a, b, Development(r == 1 ? "Threat" : "Aid", $"2025-0{i + 1}-01", a));
            page.Add((RelationId.Of(a, b), 2));
        }
        await using var session = App.Store.QuerySession();
        var view = new PointOfView(new DateOnly(2025, 9, 1), DateTimeOffset.MaxValue, WarmingScore.DefaultHalfLifeDays, Weighting.Plain);

        // Two developments a group: each relation of the page is read in a group of its own.
        var grouped = new RelationTimelines(developmentsHeld: 3, mostReadAtOnce: 2);
        var read = await grouped.ReadManyAsync(session, page, t => (t.Relation, t.Count, t.Version, t.Read(view).Score), CancellationToken.None);

        var alone = new List<(RelationId, int, long, decimal)>();
        foreach (var (relation, _) in page)
        {
            var timeline = await new RelationTimelines().GetAsync(session, relation, CancellationToken.None);
            alone.Add((timeline.Relation, timeline.Count, timeline.Version, timeline.Read(view).Score));
        }
        Assert.Equal(alone, read);
        Assert.Equal([false, false, true], page.Select(p => grouped.Holds(p.Relation)));
    }

    [Fact]
    public async Task A_starting_node_loads_the_largest_relations_first_as_many_as_it_may_hold_from_a_snapshot_or_the_documents()
    {
        // A database of its own: the shared one holds other tests' relations, larger ones among them.
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync());
        var store = host.Services.GetRequiredService<IDocumentStore>();
        // Changed in this order, so the relations changed last are the smaller ones.
        var (large, medium, small) = (RelationId.Of("LGA", "LGB"), RelationId.Of("MDA", "MDB"), RelationId.Of("SMA", "SMB"));
        foreach (var (relation, count) in new[] { (large, 3 * Enough), (medium, 2 * Enough), (small, Enough) })
            await AppendConsultationsAsync(relation.ToString(), relation.First, relation.Second, after: 0, count, store);
        await using var session = store.QuerySession();
        // The small one has a snapshot; the others were never read.
        var reader = new RelationTimelines();
        await reader.GetAsync(session, small, CancellationToken.None);
        await reader.SaveDueSnapshotsAsync(store, CancellationToken.None);

        var timelines = new RelationTimelines(developmentsHeld: 4 * Enough);
        Assert.Equal(2, await timelines.PreloadAsync(session, CancellationToken.None));

        // The large one fits, the medium one does not beside it, the small one does.
        Assert.Equal([true, false, true], new[] { large, medium, small }.Select(timelines.Holds));
        Assert.Equal(3 * Enough, (await timelines.GetAsync(session, large, CancellationToken.None)).Count);
        Assert.Equal(Enough, (await timelines.GetAsync(session, small, CancellationToken.None)).Count);
    }

    private async Task<(string A, string B, string Key)> SnapshottedRelationAsync()
    {
        var (a, b) = await CreateRelationAsync();
        var key = RelationId.Of(a, b).ToString();
        await AppendConsultationsAsync(key, a, b, after: 0, count: Enough);
        await GetJsonAsync($"/api/relations/{a}/{b}?{KnownAt}");
        await SnapshotVersionAsync(key, atLeast: Enough);
        return (a, b, key);
    }

    private async Task AppendConsultationsAsync(string key, string a, string b, long after, int count, IDocumentStore? store = null)
    {
        await using var session = (store ?? App.Store).LightweightSession();
        var consultations = Enumerable.Range(0, count).Select(i => (object)(DevelopmentRecorded.Blank(DevelopmentType.Consultation) with
        {
            DevelopmentId = Guid.CreateVersion7(),
            OccurredOn = OccurrenceDate.Parse($"2024-{1 + i % 12:00}-{1 + i % 28:00}"),
            Actor = i % 2 == 0 ? a : b,
            Summary = $"Consultation {i}",
            Sources = [new Source { Citation = "test", Publisher = i % 3 == 0 ? "Agency" : null }],
        })).ToArray();
        session.Events.Append(key, after + count, consultations);
        await session.SaveChangesAsync();
    }

    // The snapshot is written off the request that met the changes: wait for it.
    private async Task<long> SnapshotVersionAsync(string key, long atLeast)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await SnapshotVersionOrNullAsync(key) is { } version && version >= atLeast) return version;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No snapshot of {key} at version {atLeast} or later within 10 s");
    }

    private async Task<long?> SnapshotVersionOrNullAsync(string key)
    {
        await using var session = App.Store.QuerySession();
        var versions = await session.QueryAsync<long>($"select version from {TimelineSnapshots.TableName.QualifiedName} where relation = ?", key);
        return versions.Count == 0 ? null : versions[0];
    }
}
