using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>A running service bounds its own heap (Relations/Replaying/HeapLimit), so its memory is bounded by a setting on any host.</summary>
public class HeapLimitTests(TrackerApp app) : TrackerTest(app)
{
    private const string LogCategory = "Logging:LogLevel:RelationsTracker.Api.Relations.Replaying.HeapLimit";
    private const long GiB = 1024L * 1024 * 1024;

    [Theory]
    [InlineData(768, 24 * GiB, 768UL * 1024 * 1024)] // the default on a large machine: lowered
    [InlineData(768, GiB / 2, null)] // a container's (or DOTNET_GCHeapHardLimit's) stricter limit stays
    [InlineData(768, 768 * 1024 * 1024, null)] // already the same
    [InlineData(0, 24 * GiB, null)] // 0: the runtime's
    public void The_setting_only_ever_lowers_the_limit_in_effect(int megabytes, long inEffect, ulong? applied) =>
        Assert.Equal(applied, HeapLimit.ToApply(megabytes, inEffect));

    [Fact]
    public void A_negative_setting_is_refused_by_name() =>
        Assert.Contains(HeapLimit.Setting, Assert.Throws<InvalidOperationException>(() => HeapLimit.ToApply(-1, 24 * GiB)).Message);

    [Fact]
    public async Task A_started_service_limits_its_heap_to_the_default_and_to_the_setting()
    {
        var database = await App.CreateDatabaseAsync();
        await using (var byDefault = await TrackerProcess.StartAsync(database, new Dictionary<string, string> { [LogCategory] = "Information" }))
            Assert.Contains(byDefault.Output, line => line.Contains($"Heap limited to {HeapLimit.DefaultMegabytes} MiB", StringComparison.Ordinal));

        await using var set = await TrackerProcess.StartAsync(database,
            new Dictionary<string, string> { [LogCategory] = "Information", [HeapLimit.Setting] = "300" });
        Assert.Contains(set.Output, line => line.Contains("Heap limited to 300 MiB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_with_a_negative_limit_does_not_start_and_says_why()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await TrackerProcess.StartAsync(await App.CreateDatabaseAsync(), new Dictionary<string, string> { [HeapLimit.Setting] = "-5" }));
        Assert.Contains(HeapLimit.Setting, failure.Message);
    }
}
