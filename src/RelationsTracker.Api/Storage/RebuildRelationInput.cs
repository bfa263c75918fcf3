using JasperFx.CommandLine;

namespace RelationsTracker.Api.Storage;

public sealed class RebuildRelationInput : NetCoreInput
{
    [JasperFx.CommandLine.Description("The relation, as A~B (either order)")]
    public string Relation { get; set; } = "";
}
