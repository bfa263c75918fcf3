using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RelationsTracker.Api.Tests.Repository;

/// <summary>
/// What a fresh clone holds is all a new machine has: no file the build or the image needs may live only in a
/// developer's tree or NuGet cache (a git-ignored local feed once broke every new user's restore).
/// </summary>
public class FreshCloneTests
{
    [Fact]
    public void Every_COPY_source_of_the_Dockerfile_is_committed()
    {
        var tracked = TrackedFiles();
        var dockerfile = Path.Combine(Root, "src", "RelationsTracker.Api", "Dockerfile");
        var sources = CopySources(File.ReadAllLines(dockerfile)).ToList();

        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var path = source.TrimEnd('/');
            var committed = path == "." || tracked.Contains(path) || tracked.Any(f => f.StartsWith(path + "/", StringComparison.Ordinal));
            Assert.True(committed, $"The Dockerfile copies '{source}', which a fresh clone does not have");
        }
    }

    [Fact]
    public void Every_package_source_is_a_registry_not_a_local_folder()
    {
        var config = XDocument.Load(Path.Combine(Root, "NuGet.config"));
        var sources = config.Descendants("packageSources").Elements("add").Select(e => (string)e.Attribute("value")!).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.StartsWith("https://", s));
    }

    /// <summary>The sources of each <c>COPY</c> that reads the build context (not <c>--from</c> another stage).</summary>
    private static IEnumerable<string> CopySources(IEnumerable<string> lines)
    {
        foreach (var line in lines.Select(l => l.Trim()))
        {
            if (!Regex.IsMatch(line, @"^COPY\s", RegexOptions.IgnoreCase)) continue;
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            if (words.Any(w => w.StartsWith("--from", StringComparison.Ordinal))) continue;
            words = words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
            foreach (var source in words.Take(words.Count - 1)) yield return source;
        }
    }

    internal static HashSet<string> TrackedFiles()
    {
        var git = Process.Start(new ProcessStartInfo("git", "ls-files") { WorkingDirectory = Root, RedirectStandardOutput = true })!;
        var files = git.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return files;
    }

    internal static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RelationsTracker.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException($"No RelationsTracker.sln above {AppContext.BaseDirectory}");
        }
    }
}
