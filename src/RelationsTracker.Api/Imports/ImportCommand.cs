using JasperFx.CommandLine;
using Marten;
using RelationsTracker.Importing;

namespace RelationsTracker.Api.Imports;

/// <summary>
/// <c>dotnet RelationsTracker.Api.dll import FILE --format gdelt|csv|gdelt-mentions [--atomic]</c>: the same import as POST
/// /api/imports, run in this process against the configured database, with progress in the log.
/// </summary>
[JasperFx.CommandLine.Description("Import a GDELT 2.0 events or mentions file, or a CSV of developments (docs/import.md)", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public ImportCommand() => Usage("Import a file").Arguments(x => x.Path).ValidFlags(x => x.FormatFlag, x => x.AtomicFlag);

    public override async Task<bool> Execute(ImportInput input)
    {
        if (!ImportFormatName.TryParse(input.FormatFlag, null, out var name))
        {
            Console.Error.WriteLine($"--format: {ImportFormatName.Problem(input.FormatFlag)}");
            return false;
        }
        var format = name.Format;
        if (!File.Exists(input.Path))
        {
            Console.Error.WriteLine($"No file {input.Path}");
            return false;
        }
        if (ImportFile.StartProblem(input.Path, format) is { } problem)
        {
            Console.Error.WriteLine(problem);
            return false;
        }

        using var host = input.BuildHost();
        var services = host.Services;
        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var importer = services.GetRequiredService<Importer>();
        var clock = services.GetRequiredService<TimeProvider>();
        var run = Importer.NewRun(format, input.AtomicFlag, System.IO.Path.GetFileName(input.Path), new FileInfo(input.Path).Length, clock.GetUtcNow(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value);
        await importer.SaveAsync(run, CancellationToken.None);
        Console.WriteLine($"Import {run.Id}: follow it with GET /api/imports/{run.Id}");
        run = await importer.RunAsync(run, input.Path, CancellationToken.None);
        Console.WriteLine($"Import {run.Id} {run.Status}: {run.RowsRead:N0} rows read, {run.Recorded:N0} recorded, {run.AlreadyImported:N0} already imported, {run.Rejected:N0} rejected{(run.Failure is null ? "" : $" — {run.Failure}")}");
        foreach (var rejected in run.Rejections.Take(20)) Console.WriteLine($"  line {rejected.Line}: {rejected.Reason}");
        if (run.Rejected > 20) Console.WriteLine($"  ... and {run.Rejected - 20:N0} more (GET /api/imports/{run.Id} lists the first {ImportRun.MaxRejectionsKept})");
        return run.Status == ImportRun.Completed;
    }
}
