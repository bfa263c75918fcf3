using System.Text.Json;
using Marten;
using RelationsTracker.Actors;
using RelationsTracker.Api.Developments.Recording;
using RelationsTracker.Api.Developments.Reporting;
using RelationsTracker.Developments;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Relations;
using RelationsTracker.Relations;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Seeding;

/// <summary>
/// Loads the Libya–Turkey demo history (demo-history.json, the coding table of FACTS.md) at start when
/// <c>Tracker:Seed</c> is true. Each row goes through the same parsing and the same write path as a POST, with
/// a fixed Idempotency-Key per row, so a second start records nothing.
/// </summary>
public sealed class DemoHistory(IDocumentStore store, RelationWriter writer, TimeProvider clock, ILogger<DemoHistory> logger) : IHostedService
{
    public static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "Seeding", "demo-history.json");

    public async Task StartAsync(CancellationToken ct)
    {
        await using var file = File.OpenRead(FilePath);
        using var document = await JsonDocument.ParseAsync(file, cancellationToken: ct);
        var root = document.RootElement;

        await using (var session = store.LightweightSession())
        {
            foreach (var actor in root.GetProperty("actors").EnumerateArray())
            {
                var demo = actor.Deserialize<Actor>(ApiJson.Options)!;
                // A demo database from before the actors had their GDELT mappings gets them.
                if (await session.LoadAsync<Actor>(demo.Id, ct) is not { Gdelt: not null }) session.Store(demo);
            }
            await session.SaveChangesAsync(ct);
        }

        var recorded = 0;
        var developmentOfRow = new Dictionary<string, (RelationId Relation, Guid Id)>(StringComparer.Ordinal);
        foreach (var row in root.GetProperty("developments").EnumerateArray())
        {
            var name = row.GetProperty("row").GetString()!;
            var relation = RelationId.TryParse(row.GetProperty("relation").GetString(), out var r)
                ? r : throw new InvalidDataException($"Demo row {name}: bad relation");
            var request = row.GetProperty("development").Deserialize<RecordDevelopmentRequest>(ApiJson.Options)!;
            var (command, errors) = request.ToCommand(relation, clock.Today());
            if (errors.Any) throw new InvalidDataException($"Demo row {name} is invalid: {JsonSerializer.Serialize(errors.ToDictionary())}");

            var conditions = WriteConditions.Create(null, $"demo-history:{name}", RecordDevelopmentEndpoint.Route(relation), command!);
            var developmentId = Guid.CreateVersion7();
            var result = await writer.WriteAsync(relation, conditions, (_, state) => Task.FromResult(RecordDevelopment.Decide(command!, state, developmentId)), RecordedAnswer.For(developmentId), ct);
            if (result.IsRecorded)
            {
                if (result.Kind == WriteOutcomeKind.Recorded) recorded++;
                // Recorded now or before: the answer (replayed under its key) names the development.
                developmentOfRow[name] = (relation, JsonDocument.Parse(result.Body!).RootElement.GetProperty("id").GetGuid());
            }
            else logger.LogWarning("Demo row {Row} was not recorded: {Result}", name, result);
        }

        var reported = 0;
        foreach (var row in root.GetProperty("reports").EnumerateArray())
        {
            var name = row.GetProperty("row").GetString()!;
            if (!developmentOfRow.TryGetValue(name, out var target)) throw new InvalidDataException($"Demo report of row {name}: no such development row");
            var request = row.GetProperty("report").Deserialize<ReportRequest>(ApiJson.Options)!;
            var (command, errors) = request.ToCommand(clock.Today(), Guid.CreateVersion7());
            if (errors.Any) throw new InvalidDataException($"Demo report of row {name} is invalid: {JsonSerializer.Serialize(errors.ToDictionary())}");

            var route = $"POST {RouteRelation.PathOf(target.Relation)}/developments/{target.Id}/reports";
            var conditions = WriteConditions.Create(null, $"demo-report:{name}", route, command!);
            var result = await writer.WriteAsync(target.Relation, conditions, async (query, _) =>
                ReportDevelopment.Decide(command!, target.Relation, target.Id, await query.LoadAsync<Development>(target.Id, ct)),
                ReportedAnswer.For(command!.ReportId, target.Id), ct, touches: target.Id);
            if (result.Kind == WriteOutcomeKind.Recorded) reported++;
            else if (result.Kind != WriteOutcomeKind.Replayed) logger.LogWarning("Demo report of row {Row} was not recorded: {Result}", name, result);
        }
        logger.LogInformation("Demo history: {Recorded} developments and {Reported} reports recorded now, {Total} developments in the file",
            recorded, reported, root.GetProperty("developments").GetArrayLength());
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
