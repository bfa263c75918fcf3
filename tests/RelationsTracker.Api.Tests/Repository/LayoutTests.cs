namespace RelationsTracker.Api.Tests.Repository;

/// <summary>
/// The shape the host's redesign gave the tree (issue 15): the host wires frameworks, the domain holds the logic, and
/// no file grows past what a reader takes in at once. Generated code (Wolverine's adaptors, the NSwag client) is not counted.
/// </summary>
public class LayoutTests
{
    private const int MaxLines = 250;

    /// <summary>
    /// Code the host has in place of a library's own way, because a benchmark showed that way falls short, is counted
    /// apart: the ratio guards the wiring. Each file is named in docs/performance.md beside the numbers that made it.
    /// </summary>
    private static readonly string[] WrittenForSpeed =
    [
        "src/RelationsTracker.Api/Storage/RelationEvents.cs",
        "src/RelationsTracker.Api/Storage/DocumentDigests.cs",
        "src/RelationsTracker.Api/Storage/JsonbText.cs",
    ];

    [Fact]
    public void The_host_is_at_most_one_and_a_half_times_the_domain_in_lines_of_CSharp()
    {
        var host = LinesUnder("src/RelationsTracker.Api/") - WrittenForSpeed.Sum(LinesOf);
        var domain = LinesUnder("src/RelationsTracker.Domain/");

        Assert.True(host <= 1.5 * domain, $"The host has {host:N0} lines of C#, the domain {domain:N0}: {(double)host / domain:N2} times, more than 1.5");
    }

    [Fact]
    public void Each_file_counted_apart_is_tracked_and_named_where_its_benchmark_is()
    {
        var performance = File.ReadAllText(Path.Combine(FreshCloneTests.Root, "docs/performance.md"));

        Assert.All(WrittenForSpeed, f =>
        {
            Assert.Contains(f, FreshCloneTests.TrackedFiles());
            Assert.Contains($"`{Path.GetFileNameWithoutExtension(f)}`", performance);
        });
    }

    [Fact]
    public void No_source_file_is_longer_than_250_lines()
    {
        var tooLong = SourceFiles("src/")
            .Select(f => (File: f, Lines: LinesOf(f)))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File} ({f.Lines} lines)")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Over {MaxLines} lines: {string.Join(", ", tooLong)}");
    }

    private static int LinesUnder(string folder) =>
        SourceFiles(folder).Sum(LinesOf);

    private static int LinesOf(string file) => File.ReadLines(Path.Combine(FreshCloneTests.Root, file)).Count();

    private static IEnumerable<string> SourceFiles(string folder) => FreshCloneTests.TrackedFiles()
        .Where(f => f.StartsWith(folder, StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal))
        .Where(f => !f.Contains("/Generated/", StringComparison.Ordinal) && !f.EndsWith(".g.cs", StringComparison.Ordinal))
        .Where(f => File.Exists(Path.Combine(FreshCloneTests.Root, f)));
}
