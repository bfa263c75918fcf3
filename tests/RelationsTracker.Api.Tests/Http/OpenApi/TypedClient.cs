using System.Diagnostics;
using System.Reflection;

namespace RelationsTracker.Api.Tests.OpenApi;

/// <summary>
/// How the typed client in src/RelationsTracker.Client is made from the OpenAPI document: NSwag's console (from the
/// NSwag.MSBuild package, which carries its own dependencies) runs src/RelationsTracker.Client/nswag.json. One place,
/// used by the drift test and so by scripts/regenerate-client.sh, so both make the same file.
/// </summary>
public static class TypedClient
{
    public const string Directory = "src/RelationsTracker.Client";
    public const string DocumentFile = Directory + "/openapi.json";
    public const string ClientFile = Directory + "/TrackerClient.g.cs";

    /// <summary>Set to 1 to have the drift test write the client and document instead of comparing them.</summary>
    public const string RegenerateVariable = "REGENERATE_CLIENT";

    /// <summary>The client NSwag generates from <paramref name="documentJson"/> with the committed configuration.</summary>
    public static async Task<string> GenerateAsync(string documentJson)
    {
        var work = System.IO.Directory.CreateTempSubdirectory("tracker-client-");
        try
        {
            var document = Path.Combine(work.FullName, "openapi.json");
            var output = Path.Combine(work.FullName, "TrackerClient.g.cs");
            await File.WriteAllTextAsync(document, documentJson);
            var nswag = Path.Combine(NSwagDirectory(), "dotnet-nswag.dll");
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { nswag, "run", PathInRepository(Directory + "/nswag.json"), $"/variables:Document={document},Output={output}" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || !File.Exists(output))
                throw new InvalidOperationException($"NSwag failed ({process.ExitCode}): {await stdout}\n{await stderr}");
            return Normalize(await File.ReadAllTextAsync(output));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>LF line endings and one final newline, so the comparison does not depend on the machine.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd() + "\n";

    public static string PathInRepository(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RelationsTracker.sln"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException($"No RelationsTracker.sln above {AppContext.BaseDirectory}");
        return Path.Combine(directory.FullName, relative);
    }

    private static string NSwagDirectory() =>
        typeof(TypedClient).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NSwagDir")?.Value
        ?? throw new InvalidOperationException("The test assembly does not say where NSwag is (NSwagDir in the test project)");
}
