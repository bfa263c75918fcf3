using Marten;
using Marten.Linq;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Api.Storage;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>How the developments' documents are kept in PostgreSQL.</summary>
public class StorageTests(TrackerApp app) : TrackerTest(app)
{
    /// <summary>
    /// Marten compares the schema it is configured with against the database's at every start, and changes what
    /// differs: an index whose definition never compares equal (an expression written otherwise than PostgreSQL writes
    /// it back) would be dropped and built again on every start.
    /// </summary>
    [Fact]
    public async Task A_started_service_finds_its_database_as_configured()
    {
        await App.Store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }

    [Fact]
    public async Task A_mentions_import_finds_developments_by_their_gdelt_events_through_the_index()
    {
        var plan = await PlanAsync(RelationsTracker.Api.Storage.DevelopmentsByGdeltEvent.QueryOf(App.Store),
            [new Npgsql.NpgsqlParameter("ids", new[] { "588607643", "588607630" })]);

        Assert.Contains(plan, line => line.Contains("mt_doc_development_idx_gdelt_event"));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan"));
    }

    /// <summary>
    /// Every read of a relation asks which of its developments changed since a version. The one index on the
    /// documents is computed from their JSON, so it serves that question only if Marten's SQL for it is the
    /// index's own expression; a table scan would be slower with every import.
    /// </summary>
    [Fact]
    public async Task A_relations_changed_developments_are_found_through_the_index()
    {
        await using var session = App.Store.QuerySession();
        var query = ChangedDevelopments.Since(session, "AAA~BBB", 3).ToCommand(FetchType.FetchMany);

        var plan = await PlanAsync(query.CommandText, query.Parameters.Cast<Npgsql.NpgsqlParameter>().Select(p => p.Clone()));

        Assert.Contains(plan, line => line.Contains("mt_doc_development_idx_relationlast_version"));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan"));
    }

    /// <summary>
    /// A development's document holds each recorded field once: what is computed from them (its fields as first
    /// recorded, its last change) is not stored beside them, so a document is not twice what PostgreSQL must parse
    /// on every write and rebuild; they are computed again when it is read.
    /// </summary>
    [Fact]
    public async Task A_developments_document_stores_its_fields_once_and_reads_back_whole()
    {
        var (a, b) = await CreateRelationAsync();
        var visit = await RecordAsync(a, b, Development("OfficialVisit", "2025-08-25", a, summary: "A visit"));
        var id = Guid.Parse(visit["id"]!.ToString());

        await using var session = App.Store.QuerySession();
        var json = (await session.QueryAsync<string>($"select data::text from {DevelopmentDocuments.TableOf(App.Store)} where id = ?", id)).Single();
        var development = await session.LoadAsync<RelationsTracker.Developments.Development>(id);

        Assert.DoesNotContain("asRecorded", json);
        Assert.DoesNotContain("lastChangedAt", json);
        Assert.Equal("A visit", development!.AsRecorded.Summary);
        Assert.Equal(development.RecordedAt, development.LastChangedAt);
    }

    /// <summary>
    /// One relation's rebuild leaves a document untouched when the fold's JSON, written as PostgreSQL prints a jsonb
    /// value, is the stored document's text: that writing must be PostgreSQL's own for every JSON the serializer
    /// writes (escaped characters, nested objects, numbers, an object of more members than it sorts on the stack), and
    /// where PostgreSQL prints a value otherwise (it rewrites an exponent, unescapes a key) the two must differ, so that
    /// the document is written again.
    /// </summary>
    [Theory]
    [InlineData("""{"id": 1, "a": "x", "bb": [], "c": {}, "dd": [1.50, -3, 0, true, false, null], "e": {"zz": 1, "y": {"b": 2, "a": 1}}}""")]
    [InlineData("""{"summary":"quote \" backslash \\ slash / tab \t newline \n cr \r bs \b ff \f ctl \u0001 \u001F"}""")]
    [InlineData("""{"summary":"\u003Cb\u003E \u0026 \u0027 \u002B Bengasi \u2014 \u0628\u0646\u063A\u0627\u0632\u064A \uD83D\uDE00"}""")]
    [InlineData("""{"summary":"Bengasi — بنغازي 😀 ü","actor":"TUR","sources":[{"url":"https://example.org/a?b=1&c=2","publisher":"Example"}]}""")]
    [InlineData("""[{"b":1,"a":2,"ab":3,"Ab":4,"ea":6}, [], {}, "x"]""")]
    [InlineData(null)]
    public async Task Json_written_as_postgresql_prints_jsonb_is_its_text_exactly(string? json)
    {
        json ??= "{" + string.Join(",", Enumerable.Range(0, 70).Select(i => $"\"k{69 - i}\":{{\"v\":[{i}]}}")) + "}";
        await using var session = App.Store.QuerySession();
        var printed = (await session.QueryAsync<string>("select (?::jsonb)::text", json)).Single();

        Assert.Equal(printed, AsPrinted(json));
    }

    [Theory]
    [InlineData("""{"goldstein":1e2}""", """{"goldstein": 100}""")]
    [InlineData("""{"\u00e9":1}""", """{"é": 1}""")]
    public async Task Json_that_postgresql_prints_otherwise_is_never_its_text(string json, string expected)
    {
        await using var session = App.Store.QuerySession();
        var printed = (await session.QueryAsync<string>("select (?::jsonb)::text", json)).Single();

        Assert.Equal(expected, printed);
        Assert.NotEqual(printed, AsPrinted(json));
    }

    private static string AsPrinted(string json)
    {
        var printed = new System.Buffers.ArrayBufferWriter<byte>();
        JsonbText.Write(System.Text.Encoding.UTF8.GetBytes(json), printed);
        return System.Text.Encoding.UTF8.GetString(printed.WrittenSpan);
    }

    /// <summary>
    /// PostgreSQL's plan for <paramref name="sql"/>, with sequential scans off: the test database's tables are small,
    /// where a scan is cheaper; the question is whether the index can be used.
    /// </summary>
    private async Task<List<string>> PlanAsync(string sql, IEnumerable<Npgsql.NpgsqlParameter> parameters)
    {
        await using var connection = App.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var noScans = connection.CreateCommand())
        {
            noScans.CommandText = "set local enable_seqscan = off";
            await noScans.ExecuteNonQueryAsync();
        }
        await using var explain = connection.CreateCommand();
        explain.CommandText = "explain " + sql;
        foreach (var parameter in parameters) explain.Parameters.Add(parameter);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        return plan;
    }
}
