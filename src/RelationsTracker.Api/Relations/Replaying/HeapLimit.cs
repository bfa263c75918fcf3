namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>
/// Bounds the running service's managed heap by <c>Tracker:Memory:HeapLimitMegabytes</c>. What a node holds for reads
/// is bounded by count (<see cref="RelationTimelines.DevelopmentsHeld"/>), but on a machine with much memory the GC keeps
/// what it has collected rather than give it back, so without a heap limit a node's memory still grows with what it
/// has read. The limit only ever lowers the one in effect (a container's, or <c>DOTNET_GCHeapHardLimit</c>); 0 leaves
/// the heap to the runtime. A hosted service, so it binds the service and not the command line's operator commands
/// (<c>rebuild-relation</c> of a large relation holds more than a serving node).
/// </summary>
public sealed class HeapLimit(IConfiguration configuration, ILogger<HeapLimit> logger) : IHostedService
{
    public const string Setting = "Tracker:Memory:HeapLimitMegabytes";

    /// <summary>With the default <see cref="RelationTimelines.DefaultDevelopmentsHeld"/> (docs/operations.md, "Memory").</summary>
    public const int DefaultMegabytes = 768;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var megabytes = configuration.GetValue(Setting, DefaultMegabytes);
        var inEffect = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (ToApply(megabytes, inEffect) is not { } limit)
        {
            logger.LogInformation("Heap limit kept as the runtime has it: {Limit} MiB", inEffect / Mebibyte);
            return Task.CompletedTask;
        }
        AppContext.SetData("GCHeapHardLimit", limit);
        GC.RefreshMemoryLimit();
        logger.LogInformation("Heap limited to {Limit} MiB ({Setting})", limit / Mebibyte, Setting);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private const long Mebibyte = 1024 * 1024;

    /// <returns>The heap limit to set, in bytes, or null to keep the one in effect (<paramref name="inEffect"/> bytes).</returns>
    /// <exception cref="InvalidOperationException">A negative setting: the service does not start.</exception>
    public static ulong? ToApply(int megabytes, long inEffect)
    {
        if (megabytes < 0)
            throw new InvalidOperationException($"{Setting} is {megabytes}: it is a number of megabytes, or 0 for no limit of the service's own.");
        var limit = megabytes * Mebibyte;
        return megabytes == 0 || limit >= inEffect ? null : (ulong)limit;
    }
}
