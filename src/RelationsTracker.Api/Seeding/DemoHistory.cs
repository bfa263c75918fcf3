using System.Text.Json;
using Marten;
using RelationsTracker.Api.Actors;
using RelationsTracker.Api.Developments.Recording;
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
            switch (result)
            {
                case SerializedJsonResult { Replayed: true }:
                    break;
                case SerializedJsonResult { StatusCode: StatusCodes.Status201Created }:
                    recorded++;
                    break;
                default:
                    logger.LogWarning("Demo row {Row} was not recorded: {Result}", name, result);
                    break;
            }
        }
        logger.LogInformation("Demo history: {Recorded} developments recorded now, {Total} in the file", recorded, root.GetProperty("developments").GetArrayLength());
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
