using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>An import whose process is killed or stopped midway finishes when the service runs again, every row once.</summary>
public class ImportRestartTests(TrackerApp app) : TrackerTest(app)
{
    private const int Rows = 40_000;
    private static readonly string[] Relations = ["AAA~BBB", "AAA~CCC", "BBB~CCC"];

    // Small batches, so that the import is many transactions and is cut short in the middle of them.
    private static readonly Dictionary<string, string> Settings = new() { ["Tracker:Imports:BatchSize"] = "200" };

    [Theory]
    [InlineData("SIGKILL")]
    [InlineData("SIGTERM")]
    public async Task An_import_cut_short_completes_after_a_restart_with_exact_counts(string how)
    {
        var database = await App.CreateDatabaseAsync();
        await using var tracker = await TrackerProcess.StartAsync(database, Settings);
        var client = tracker.CreateClient();
        foreach (var actor in new[] { "AAA", "BBB", "CCC" })
            (await client.PutAsJsonAsync($"/api/actors/{actor}", new { name = actor })).EnsureSuccessStatusCode();

        var started = await client.PostAsync("/api/imports?format=csv", Csv());
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        var midway = await WaitForAsync(client, location, run => run["recorded"]!.GetValue<long>() > 0, TimeSpan.FromSeconds(60));
        Assert.Equal("running", midway["status"]!.GetValue<string>());

        if (how == "SIGKILL") await tracker.KillAsync();
        else
        {
            // A running import does not hold the stop either: it stops where it is and resumes later.
            var took = await tracker.StopAsync(within: TimeSpan.FromSeconds(30));
            Assert.True(took < TimeSpan.FromSeconds(2), $"the service took {took.TotalSeconds:N1} s to stop during an import");
        }
        var cut = await ImportRunInDatabaseAsync(database, location);
        Assert.Equal("running", cut["status"]!.GetValue<string>()); // not "failed", not "interrupted"
        Assert.True(cut["recorded"]!.GetValue<long>() < Rows, "the import finished before it could be cut short");

        await tracker.StartAgainAsync();
        client = tracker.CreateClient();
        var done = await WaitForAsync(client, location, run => run["status"]!.GetValue<string>() != "running", TimeSpan.FromSeconds(120));

        var summary = $"{done["status"]} rowsRead {done["rowsRead"]} recorded {done["recorded"]} already {done["alreadyImported"]} rejected {done["rejected"]}; when cut: rowsRead {cut["rowsRead"]} recorded {cut["recorded"]}";
        Assert.True(done["recorded"]!.GetValue<long>() == Rows && done["rowsRead"]!.GetValue<long>() == Rows, summary);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(Rows, done["rowsRead"]!.GetValue<long>());
        Assert.Equal(Rows, done["recorded"]!.GetValue<long>());
        Assert.Equal(0, done["alreadyImported"]!.GetValue<long>());
        Assert.Equal(0, done["rejected"]!.GetValue<long>());
        Assert.Equal(Rows, await EventCountAsync(database));
    }

    private static ByteArrayContent Csv()
    {
        var csv = new StringBuilder("relation,type,occurredOn,actor,summary,source\n");
        for (var i = 0; i < Rows; i++)
        {
            var relation = Relations[i % Relations.Length];
            csv.Append($"{relation},Consultation,2024-{i % 12 + 1:D2}-{i % 28 + 1:D2},{relation[..3]},Talks number {i},https://example.org/{i}\n");
        }
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static async Task<JsonObject> WaitForAsync(HttpClient client, string location, Func<JsonObject, bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        JsonObject run;
        while (!condition(run = (await client.GetFromJsonAsync<JsonObject>(location))!))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Waited {within.TotalSeconds} s; the import is at {run.ToJsonString()}");
            await Task.Delay(20);
        }
        return run;
    }

    /// <summary>The import as stored, read with no node running.</summary>
    private static async Task<JsonObject> ImportRunInDatabaseAsync(string database, string location)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data from tracker.mt_doc_importrun where id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(location.Split('/')[^1]));
        return JsonNode.Parse((string)(await command.ExecuteScalarAsync())!)!.AsObject();
    }

    /// <summary>The relations' events, each development once.</summary>
    private static async Task<long> EventCountAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        // Marten's tombstones (the sequence numbers of an append that a stop cut short) are not developments.
        await using var command = new NpgsqlCommand("select count(*) from tracker.mt_events where stream_id <> 'mt_tombstone'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
