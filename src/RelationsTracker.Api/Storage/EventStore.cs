using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using RelationsTracker.Actors;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Feeds;
using RelationsTracker.Api.Imports;
using RelationsTracker.Api.Notifications;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Api.Webhooks;
using RelationsTracker.Developments;
using RelationsTracker.Importing;
using RelationsTracker.Relations;
using Weasel.Core;
using Wolverine.Marten;
using RelationsTracker.Notifying;

namespace RelationsTracker.Api.Storage;

/// <summary>Marten: one string-keyed event stream per relation (<c>LBY-EAST~TUR</c>), and the documents beside it.</summary>
public static class EventStore
{
    public const string Schema = "tracker";

    public static void AddTrackerEventStore(this WebApplicationBuilder builder, RelationTimelines timelines)
    {
        var connectionString = builder.Configuration.GetConnectionString("Marten");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "No database: set ConnectionStrings__Marten to a PostgreSQL connection string, or start the service with ./run.sh, which provides one.");

        builder.Services.AddMarten(opts => Configure(opts, connectionString))
            .UseLightweightSessions()
            .IntegrateWithWolverine()
            // The daemon's work (the notification subscription) runs on one node at a time: the one holding
            // Marten's advisory lock; the others take over when it goes (docs/operations.md).
            .AddAsyncDaemon(DaemonMode.HotCold)
            .SubscribeToEvents(new NotificationSubscription(timelines))
            .ApplyAllDatabaseChangesOnStartup();
    }

    /// <summary>The store's options, shared by the API and the benchmark's loader.</summary>
    public static void Configure(StoreOptions opts, string connectionString)
    {
        opts.Connection(WithPreparedStatements(connectionString));
        opts.DatabaseSchemaName = Schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        UseTrackerJson(opts);

        opts.Events.StreamIdentity = StreamIdentity.AsString;
        // Marten 9's default, stated: one round trip per append. Every append names its expected version
        // (RelationWriter), so inline projections still see each event's stream version, which the
        // developments' documents keep so readers can ask "what changed since version n".
        opts.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        // The daemon's leader holds a session-level lock on an idle connection; a transaction-scoped one would
        // hold a snapshot for the leader's whole life and keep VACUUM from removing any dead row (docs/operations.md).
        opts.Events.UseAdvisoryLockTransaction = false;
        // A standby node tries the lock every second, so the daemon moves within about a second of its node dying.
        opts.Projections.LeadershipPollingTime = 1000;
        // Appends NOTIFY the daemon's leader, which reads new events at once instead of at its next poll.
        opts.Events.UseListenNotifyForEventAppends = true;
        // Two nodes appending to one relation at once: the second waits for the first to commit and then fails its
        // version check before it takes a sequence number, so a conflict leaves no gap for the daemon to wait out.
        opts.Events.UseExclusiveLockOnConcurrentAppends = true;
        opts.Events.AddEventTypes(DevelopmentEventTypes());

        RelationProjection.Register(opts);
        DevelopmentProjection.Register(opts);

        // Numeric revisions, as when Marten's aggregations kept these documents, so that databases made by
        // earlier versions need no change; nothing reads the revision.
        opts.Schema.For<Relation>().UseNumericRevisions(true);
        // One index for the one question asked of these documents, "this relation's developments changed since
        // version n" (RelationTimeline), computed from the JSON: an import writes a document per development,
        // and every index and duplicated column is paid again on each (docs/performance.md).
        opts.Schema.For<Development>()
            .UseNumericRevisions(true)
            .Index([d => d.Relation, d => d.LastVersion]);
        // A mentions import finds the developments made from GDELT events by their GLOBALEVENTIDs (DevelopmentsByGdeltEvent).
        opts.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(Development)) mapping.Indexes.Add(DevelopmentsByGdeltEvent.Index());
        });
        opts.Storage.ExtendedSchemaObjects.Add(TimelineSnapshots.Table());
        opts.Schema.For<Actor>();
        opts.Schema.For<IdempotentResponse>();
        opts.Schema.For<Notification>().Identity(n => n.Id);
        opts.Schema.For<WebhookSubscription>();
        opts.Schema.For<WebhookDelivery>().Duplicate(d => d.SubscriptionId);
        opts.Schema.For<ImportRun>();
        opts.Schema.For<ImportShare>();
        // Two checks of one feed at once (a scheduled one and "check now"): the second to commit fails and runs
        // again, and then finds the first one's exports already started.
        opts.Schema.For<Feed>().UseOptimisticConcurrency(true);
    }

    /// <summary>
    /// How events and documents are written as JSON (also the benchmark's bare store, so both write the same events).
    /// Absent fields are left out rather than written as null: every stored type's absent value is null, so
    /// nothing reads differently, and events and documents are smaller, which PostgreSQL parses, stores and logs once
    /// per row (docs/performance.md, import step 7).
    /// </summary>
    public static void UseTrackerJson(StoreOptions opts) =>
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            json => json.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);

    /// <summary>
    /// Npgsql prepares the statements a connection repeats (the append function, the document upserts), so
    /// PostgreSQL parses and plans each once per connection rather than on every write.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    /// <summary>Every event a relation's stream can hold: the 36 catalogue records, retraction, correction and report.</summary>
    public static IReadOnlyList<Type> DevelopmentEventTypes() =>
        typeof(DevelopmentRecorded).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IDevelopmentEvent).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
}
