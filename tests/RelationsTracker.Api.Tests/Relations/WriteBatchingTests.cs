using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Tests.Infrastructure;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Tests;

/// <summary>Writes to several relations that wait while a commit runs are committed together (RelationWriter's lanes).</summary>
public class WriteBatchingTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task Writes_to_relations_of_one_lane_that_waited_behind_a_commit_commit_in_one_transaction_each_answered_on_its_own()
    {
        var writer = App.Services.GetRequiredService<RelationWriter>();
        var relations = new List<(string A, string B)>();
        int? lane = null;
        while (relations.Count < 4)
        {
            var (a, b) = await CreateRelationAsync();
            var laneOf = writer.LaneOf(RelationId.Of(a, b));
            if ((lane ??= laneOf) != laneOf) continue;
            await RecordAsync(a, b, Development("Consultation", "2025-01", a));
            relations.Add((a, b));
        }
        var ids = relations.Select(r => RelationId.Of(r.A, r.B).ToString()).ToArray();

        // The first relation's commit waits on its stream's row, held here, so the others' writes queue behind it.
        await using var holder = new NpgsqlConnection(App.ConnectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var select = new NpgsqlCommand("select 1 from tracker.mt_streams where id = @id for update", holder, hold))
        {
            select.Parameters.AddWithValue("id", ids[0]);
            await select.ExecuteScalarAsync();
        }
        var (a0, b0) = relations[0];
        var first = PostJsonAsync($"/api/relations/{a0}/{b0}/developments", Development("Consultation", "2025-02", a0));
        await WaitUntilBlockedByAsync(holder.ProcessID);
        var rest = relations.Skip(1).Select((r, i) => i == 2
            ? PostJsonAsync($"/api/relations/{r.A}/{r.B}/developments", Development("Consultation", "2025-02", r.A), ("If-Match", "\"0\""))
            : PostJsonAsync($"/api/relations/{r.A}/{r.B}/developments", Development("Consultation", "2025-02", r.A))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(rest, t => Assert.False(t.IsCompleted));
        await hold.RollbackAsync();

        await ExpectStatusAsync(await first, HttpStatusCode.Created);
        await ExpectStatusAsync(await rest[0], HttpStatusCode.Created);
        await ExpectStatusAsync(await rest[1], HttpStatusCode.Created);
        await ExpectProblemAsync(await rest[2], HttpStatusCode.PreconditionFailed);

        var transactions = new Dictionary<string, string>();
        await using (var query = new NpgsqlCommand("select stream_id, xmin::text from tracker.mt_events where stream_id = any(@ids) and version = 2", holder))
        {
            query.Parameters.AddWithValue("ids", ids);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync()) transactions[reader.GetString(0)] = reader.GetString(1);
        }
        Assert.Equal(ids[..3].Order(StringComparer.Ordinal), transactions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(transactions[ids[1]], transactions[ids[2]]);
        Assert.NotEqual(transactions[ids[0]], transactions[ids[1]]);
    }

    private async Task WaitUntilBlockedByAsync(int holder)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            await using var blocked = new NpgsqlCommand("select count(*) from pg_stat_activity where @holder = any(pg_blocking_pids(pid))", connection);
            blocked.Parameters.AddWithValue("holder", holder);
            if ((long)(await blocked.ExecuteScalarAsync())! > 0) return;
            await Task.Delay(50);
        }
        Assert.Fail("The first write never waited on the stream's row.");
    }
}
