using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Api.Tests.Infrastructure;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Tests;

/// <summary>Rebuilding every projection from the event log changes no answer.</summary>
public class RebuildTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task Answers_after_rebuilding_every_projection_equal_the_answers_before()
    {
        var (a, b) = await CreateRelationAsync();
        var visit = await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", a, "high"));
        await RecordAsync(a, b, Development("AgreementSigned", "2019-11-27", b, "high", agreement: "mou", title: "The MoU"));
        var drill = await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", b));
        await RecordAsync(a, b, Development("MissionOpened", "2025", a, mission: new { owner = a, kind = "embassy", city = "Ankara" }));
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{visit["id"]}/correction", new { reason = "r", type = "Negotiation" }), System.Net.HttpStatusCode.Created);
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{drill["id"]}/retraction", new { reason = "r" }), System.Net.HttpStatusCode.Created);
        // And an imported one, stored under an event type name of its own (Importing/ImportedEventType).
        var imported = await ImportAsync(Client, System.Text.Encoding.UTF8.GetBytes(
            $"relation,type,occurredOn,actor,summary,source\n{a}~{b},Aid,2024-03-01,{a},Aid,https://example.org/aid\n"), "?format=csv");
        Assert.Equal(1, imported["recorded"]!.GetValue<long>());

        const string knownAt = "knownAt=2100-01-01T00:00:00Z";
        string[] urls =
        [
            $"/api/relations/{a}/{b}?asOf=2025-09-01&{knownAt}",
            $"/api/relations/{a}/{b}?asOf=2020-01-01&{knownAt}&halfLifeDays=30",
            $"/api/relations/{a}/{b}/developments?asOf=2025-09-01&{knownAt}",
            $"/api/relations/{a}/{b}/developments/{visit["id"]}?asOf=2025-09-01&{knownAt}",
            $"/api/relations/{a}/{b}/score?from=2019-01-01&to=2025-12-31&step=month&{knownAt}",
        ];
        var before = new List<JsonObject>();
        foreach (var url in urls) before.Add(await GetJsonAsync(url));

        var daemon = await App.Store.BuildProjectionDaemonAsync();
        foreach (var projection in new[] { "Relation", "Development" })
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(2), CancellationToken.None);
        // As a freshly started node would: nothing cached, everything read from the rebuilt documents.
        App.Services.GetRequiredService<RelationTimelines>().Clear();

        for (var i = 0; i < urls.Length; i++)
        {
            var after = await GetJsonAsync(urls[i]);
            Assert.True(JsonNode.DeepEquals(before[i], after), $"{urls[i]}\nbefore: {before[i].ToJsonString()}\nafter:  {after.ToJsonString()}");
        }
        Assert.Equal(7, (await GetJsonAsync($"/api/relations/{a}/{b}?{knownAt}"))["version"]!.GetValue<long>());
    }

    /// <summary>
    /// A rebuild reads the log a page at a time (5,000 events); a retraction or correction in a later page
    /// must find the development its page did not record.
    /// </summary>
    [Fact]
    public async Task A_rebuild_keeps_changes_made_pages_after_the_development_they_change()
    {
        var (a, b) = await CreateRelationAsync();
        var first = await RecordAsync(a, b, Development("OfficialVisit", "2020-01-15", a, "high", agreement: null));
        var second = await RecordAsync(a, b, Development("AgreementSigned", "2020-02-01", b, agreement: "pact", title: "The pact"));
        // More than a rebuild's page (5,000 events) between the developments and their changes, appended as the
        // benchmark's loader does: through Marten, at the stream's version, so the inline projections see each.
        var key = RelationsTracker.Relations.RelationId.Of(a, b).ToString();
        await using (var session = App.Store.LightweightSession())
        {
            var consultations = Enumerable.Range(0, 5_020).Select(i => (object)(RelationsTracker.Developments.DevelopmentRecorded.Blank(RelationsTracker.Developments.DevelopmentType.Consultation) with
            {
                DevelopmentId = Guid.CreateVersion7(),
                OccurredOn = RelationsTracker.Developments.OccurrenceDate.Parse($"2021-{1 + i % 12:00}-{1 + i % 28:00}"),
                Actor = i % 2 == 0 ? a : b,
                Summary = "A consultation",
                Sources = [new RelationsTracker.Developments.Source { Citation = "test" }],
            })).ToArray();
            session.Events.Append(key, 2 + consultations.Length, consultations);
            await session.SaveChangesAsync();
        }
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{first["id"]}/retraction", new { reason = "r" }), System.Net.HttpStatusCode.Created);
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{second["id"]}/correction", new { reason = "r", occurredOn = "2020-03" }), System.Net.HttpStatusCode.Created);

        const string knownAt = "knownAt=2100-01-01T00:00:00Z";
        string[] urls =
        [
            $"/api/relations/{a}/{b}?asOf=2022-01-01&{knownAt}",
            $"/api/relations/{a}/{b}/developments/{first["id"]}?{knownAt}",
            $"/api/relations/{a}/{b}/developments/{second["id"]}?{knownAt}",
        ];
        var before = new List<JsonObject>();
        foreach (var url in urls) before.Add(await GetJsonAsync(url));
        Assert.Equal("Retracted", before[1]["status"]!.GetValue<string>(), ignoreCase: true);
        var relationBefore = await LoadRelationAsync(a, b);

        var daemon = await App.Store.BuildProjectionDaemonAsync();
        foreach (var projection in new[] { "Relation", "Development" })
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(2), CancellationToken.None);
        App.Services.GetRequiredService<RelationTimelines>().Clear();

        for (var i = 0; i < urls.Length; i++)
        {
            var after = await GetJsonAsync(urls[i]);
            Assert.True(JsonNode.DeepEquals(before[i], after), $"{urls[i]}\nbefore: {before[i].ToJsonString()}\nafter:  {after.ToJsonString()}");
        }
        // And the writers' document of the relation: its version, last recorded time and agreements.
        Assert.Equal(JsonSerializer.Serialize(relationBefore), JsonSerializer.Serialize(await LoadRelationAsync(a, b)));
        Assert.Equal(5_024, relationBefore!.StreamVersion);
    }

    [Fact]
    public async Task Rebuilding_one_relation_alone_gives_back_its_documents_and_answers()
    {
        var (a, b) = await CreateRelationAsync();
        var visit = await RecordAsync(a, b, Development("OfficialVisit", "2025-04-04", a, "high"));
        // Characters the serializer escapes otherwise than PostgreSQL prints them: the document stays untouched below.
        await RecordAsync(a, b, Development("AgreementSigned", "2019-11-27", b, "high", agreement: "mou", title: "The MoU",
            summary: "The \"MoU\" — مذكرة \\ <b>&\n😀"));
        var drill = await RecordAsync(a, b, Development("MilitaryCooperation", "2025-08-25", b));
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{visit["id"]}/correction", new { reason = "r", occurredOn = "2025-04-05" }), System.Net.HttpStatusCode.Created);
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{visit["id"]}/reports",
            new { stance = "confirms", source = new { url = "https://www.ekathimerini.com/a", publisher = "Kathimerini" } }), System.Net.HttpStatusCode.Created);
        await ExpectStatusAsync(await PostJsonAsync($"/api/relations/{a}/{b}/developments/{drill["id"]}/retraction", new { reason = "r" }), System.Net.HttpStatusCode.Created);
        // An imported one: the rebuild reads the events table itself, so it must know the imported type names too.
        await ImportAsync(Client, System.Text.Encoding.UTF8.GetBytes(
            $"relation,type,occurredOn,actor,summary,source\n{a}~{b},Aid,2024-03-01,{a},Aid,https://example.org/aid\n"), "?format=csv");
        string[] urls =
        [
            $"/api/relations/{a}/{b}?asOf=2025-09-01&weighting=corroborated&knownAt=2100-01-01T00:00:00Z",
            $"/api/relations/{a}/{b}/developments?asOf=2025-09-01&knownAt=2100-01-01T00:00:00Z",
            $"/api/relations/{a}/{b}/developments/{visit["id"]}?knownAt=2100-01-01T00:00:00Z",
        ];
        var before = new List<JsonObject>();
        foreach (var url in urls) before.Add(await GetJsonAsync(url));
        var relationBefore = await LoadRelationAsync(a, b);
        var key = RelationsTracker.Relations.RelationId.Of(a, b).ToString();
        string Documents(IEnumerable<RelationsTracker.Developments.Development> developments) =>
            JsonSerializer.Serialize(developments.OrderBy(d => d.Id));
        string developmentsBefore;
        await using (var query = App.Store.QuerySession())
            developmentsBefore = Documents(await Marten.QueryableExtensions.ToListAsync(query.Query<RelationsTracker.Developments.Development>().Where(d => d.Relation == key)));
        // Its documents lost: what a rebuild of this relation alone must give back.
        await using (var session = App.Store.LightweightSession())
        {
            session.DeleteWhere<RelationsTracker.Developments.Development>(d => d.Relation == key);
            session.Delete<Relation>(key);
            await session.SaveChangesAsync();
        }

        var (events, developments, written, _, _, _) = await RelationsTracker.Api.Storage.RelationRebuild.RunAsync(App.Store, RelationsTracker.Relations.RelationId.Of(a, b), CancellationToken.None);
        App.Services.GetRequiredService<RelationTimelines>().Clear();

        Assert.Equal((7, 4, 4), (events, developments, written));
        Assert.Equal(JsonSerializer.Serialize(relationBefore), JsonSerializer.Serialize(await LoadRelationAsync(a, b)));
        await using (var query = App.Store.QuerySession())
            Assert.Equal(developmentsBefore, Documents(await Marten.QueryableExtensions.ToListAsync(query.Query<RelationsTracker.Developments.Development>().Where(d => d.Relation == key))));
        for (var i = 0; i < urls.Length; i++)
            {
            var after = await GetJsonAsync(urls[i]);
            Assert.True(JsonNode.DeepEquals(before[i], after), $"{urls[i]}\nbefore: {before[i].ToJsonString()}\nafter:  {after.ToJsonString()}");
        }

        // A document changed behind the projection's back is written back, one the events do not make goes; those
        // already right are not touched.
        var table = RelationsTracker.Api.Storage.DevelopmentDocuments.TableOf(App.Store);
        async Task<Dictionary<Guid, long>> RevisionsAsync()
        {
            await using var query = App.Store.QuerySession();
            var rows = await query.QueryAsync<string>($"select id::text || ' ' || mt_version from {table} where data ->> 'relation' = ?", key);
            return rows.Select(r => r.Split(' ')).ToDictionary(r => Guid.Parse(r[0]), r => long.Parse(r[1]));
        }
        await using (var session = App.Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {table} set data = data || '{{\"tampered\": true}}'::jsonb where id = ?", Guid.Parse(visit["id"]!.ToString()));
            await session.SaveChangesAsync();
        }
        var revisionsBefore = await RevisionsAsync();
        var stray = Guid.NewGuid();
        await using (var session = App.Store.LightweightSession())
        {
            session.Store(new RelationsTracker.Developments.Development { Id = stray, Relation = key, Summary = "not in the stream" });
            await session.SaveChangesAsync();
        }
        var repaired = await RelationsTracker.Api.Storage.RelationRebuild.RunAsync(App.Store, RelationsTracker.Relations.RelationId.Of(a, b), CancellationToken.None);
        App.Services.GetRequiredService<RelationTimelines>().Clear();
        Assert.Equal(1, repaired.Written);
        await using (var query = App.Store.QuerySession())
            Assert.Equal(developmentsBefore, Documents(await Marten.QueryableExtensions.ToListAsync(query.Query<RelationsTracker.Developments.Development>().Where(d => d.Relation == key))));
        var revisionsAfter = await RevisionsAsync();
        Assert.DoesNotContain(stray, revisionsAfter.Keys);
        Assert.All(revisionsBefore, r => Assert.Equal(r.Key == Guid.Parse(visit["id"]!.ToString()) ? r.Value + 1 : r.Value, revisionsAfter[r.Key]));

        // And writes go on from where it was.
        await RecordAsync(a, b, Development("Statement", "2025-09-02", a));
    }

    private async Task<Relation?> LoadRelationAsync(string a, string b)
    {
        await using var session = App.Store.QuerySession();
        return await session.LoadAsync<Relation>(RelationsTracker.Relations.RelationId.Of(a, b).ToString());
    }
}
