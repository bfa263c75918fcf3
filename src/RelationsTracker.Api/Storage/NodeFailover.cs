using JasperFx.Core;
using Wolverine;

namespace RelationsTracker.Api.Storage;

/// <summary>
/// How soon Wolverine notices a node that died and hands its durable work (webhook deliveries, imports) to the
/// others. Wolverine's defaults (a health check every 10 s, stale after a minute) left a killed node's deliveries
/// waiting over a minute; these bring it under 15 s (docs/operations.md).
/// </summary>
public static class NodeFailover
{
    public static void DetectDeadNodesQuickly(this WolverineOptions opts)
    {
        // Each node writes its heartbeat every second; one silent for 5 s, seen so twice, is ejected and its
        // messages are released to the living nodes, which look for such messages every second.
        opts.Durability.HealthCheckPollingTime = 1.Seconds();
        opts.Durability.StaleNodeTimeout = 5.Seconds();
        opts.Durability.NodeReassignmentPollingTime = 1.Seconds();
        opts.Durability.ScheduledJobPollingTime = 1.Seconds();
    }
}
