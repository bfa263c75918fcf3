using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Api.Storage;
using RelationsTracker.Api.Webhooks;
using RelationsTracker.Developments;
using RelationsTracker.Importing;
using RelationsTracker.Notifying;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace RelationsTracker.Api.Notifications;

/// <summary>
/// Recorded events leave Marten through Wolverine here. Marten's async daemon feeds this subscription every
/// relation event in global sequence order (on one node at a time); it turns each into its notifications,
/// stores them, and hands each webhook delivery to Wolverine's durable outbox — all in the transaction that
/// also records how far the subscription got, so a notification is made exactly once and a delivery is
/// never lost. Then it wakes every node's <see cref="NotificationFeed"/> with a PostgreSQL NOTIFY.
/// </summary>
public sealed class NotificationSubscription : BatchSubscription
{
    public const string Name = "Notifications";
    public const string Channel = "tracker_notifications";

    /// <summary>
    /// The advisory lock Marten's HotCold daemon holds for this subscription's shard: in <c>pg_locks</c> (objid), the
    /// node whose session holds it is the one making notifications.
    /// </summary>
    public static int DaemonLockKey => ProjectionLockIds.Compute(EventStore.Schema, new ShardName(Name, "All", 1), new DaemonSettings().DaemonLockId);

    private readonly RelationTimelines _timelines;
    // Each relation's score as the events so far left it; the daemon runs this subscription on one thread.
    private readonly Dictionary<string, ScoreLedger> _ledgers = new(StringComparer.Ordinal);

    public NotificationSubscription(RelationTimelines timelines) : base(Name)
    {
        _timelines = timelines;
        foreach (var type in EventStore.DevelopmentEventTypes()) IncludeType(type);
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken ct)
    {
        IReadOnlyList<WebhookSubscription>? webhooks = null;
        var made = 0;
        foreach (var e in page.Events)
        {
            if (e.Data is not IDevelopmentEvent change || !RelationId.TryParse(e.StreamKey, out var relation)) continue;
            // Imported developments are not announced one by one (a million webhooks is nobody's wish; the import
            // itself is followed at GET /api/imports/{id}). They are stored under event type names this subscription
            // does not include (ImportedEventType), so the daemon is not even handed them; those imported before
            // that are skipped here. Either way the relation's ledger is left behind, so the next event of the
            // relation reloads it, imported developments included: its score counts them.
            if (change is DevelopmentRecorded && ImportedDevelopment.IsImported(change.DevelopmentId)) continue;

            var ledger = await LedgerBeforeAsync(operations, relation, e, ct);
            foreach (var notification in Notification.For(ledger, e.Sequence, relation.ToString(), change, e.Timestamp, e.Version))
            {
                operations.Store(notification);
                made++;
                webhooks ??= await operations.Query<WebhookSubscription>().ToListAsync(ct);
                foreach (var webhook in webhooks.Where(w => w.Wants(notification)))
                {
                    var delivery = WebhookDelivery.Create(webhook, notification);
                    operations.Store(delivery);
                    await bus.PublishAsync(new DeliverWebhook(delivery.Id));
                }
            }
        }
        // NOTIFY is delivered when the transaction commits, never before; a command without a result set.
        if (made > 0) operations.QueueSqlCommand($"NOTIFY {Channel}");
    }

    /// <summary>
    /// The relation as the events before <paramref name="e"/> left it: the ledger kept from the previous event
    /// when there is one, otherwise (a restart, a replay) what the development documents say was known just
    /// before it was recorded — recorded time grows strictly within a relation, so that is exactly the events
    /// before it.
    /// </summary>
    private async Task<ScoreLedger> LedgerBeforeAsync(IQuerySession session, RelationId relation, IEvent e, CancellationToken ct)
    {
        var key = relation.ToString();
        if (_ledgers.TryGetValue(key, out var ledger) && ledger.Version == e.Version - 1) return ledger;
        var timeline = await _timelines.GetAsync(session, relation, ct);
        // As bounded as the timelines: past the same number of developments, the ledgers start again from them.
        if (_ledgers.Values.Sum(l => (long)l.Count) + timeline.Count > _timelines.DevelopmentsHeld) _ledgers.Clear();
        return _ledgers[key] = ScoreLedger.Of(timeline.KnownAt(e.Timestamp.AddTicks(-1)).Known, e.Version - 1);
    }
}
