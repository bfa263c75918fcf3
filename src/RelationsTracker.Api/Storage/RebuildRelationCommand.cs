using System.Diagnostics;
using JasperFx.CommandLine;
using Marten;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Storage;

/// <summary><c>dotnet RelationsTracker.Api.dll rebuild-relation LBY-EAST~TUR</c>: one relation's documents rebuilt from its stream.</summary>
[JasperFx.CommandLine.Description("Rebuild one relation's documents from its events (docs/operations.md)", Name = "rebuild-relation")]
public sealed class RebuildRelationCommand : JasperFxAsyncCommand<RebuildRelationInput>
{
    public RebuildRelationCommand() => Usage("Rebuild one relation").Arguments(x => x.Relation);

    public override async Task<bool> Execute(RebuildRelationInput input)
    {
        if (!RelationId.TryParse(input.Relation, out var relation))
        {
            Console.Error.WriteLine($"'{input.Relation}' is not a relation: two different actor ids joined by ~ (LBY-EAST~TUR)");
            return false;
        }
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var stopwatch = Stopwatch.StartNew();
        var rebuilt = await RelationRebuild.RunAsync(store, relation, CancellationToken.None);
        Console.WriteLine($"Rebuilt {relation} in {stopwatch.Elapsed.TotalSeconds:N2} s: {rebuilt}");
        return true;
    }
}
