using JasperFx.CommandLine;

namespace RelationsTracker.Api.Imports;

public sealed class ImportInput : NetCoreInput
{
    [JasperFx.CommandLine.Description("The file to import")]
    public string Path { get; set; } = "";

    [JasperFx.CommandLine.Description("gdelt (a GDELT 2.0 events file), csv or gdelt-mentions (a GDELT 2.0 mentions file)")]
    public string FormatFlag { get; set; } = "";

    [JasperFx.CommandLine.Description("Record nothing if any row is bad")]
    public bool AtomicFlag { get; set; }
}
