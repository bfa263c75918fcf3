using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using RelationsTracker.Api.Infrastructure;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Api.Subscriptions;
using RelationsTracker.Developments;
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

    private readonly RelationTimelines _timelines;

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

            var timeline = await _timelines.GetAsync(operations, relation, ct);
            var today = DateOnly.FromDateTime(e.Timestamp.UtcDateTime);
            var view = new PointOfView(today, e.Timestamp, WarmingScore.DefaultHalfLifeDays);
            var before = timeline.Read(view with { KnownAt = e.Timestamp.AddTicks(-1) });
            var after = timeline.Read(view);
            var facts = timeline.Find(change.DevelopmentId)?.FieldsKnownAt(e.Timestamp);

            foreach (var notification in Notification.For(e.Sequence, relation.ToString(), e.Version, e.Timestamp, change, facts, before, after))
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
}
