using Npgsql;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// How events enter relations' streams, for every writer (a POST, the demo history, an import): each relation's
/// events appended at the version its state was read at, so another writer's commit in between fails this one, and
/// one retry policy for that: decide again on what is there now.
/// </summary>
public static class RelationStream
{
    public const int MaxAttempts = 8;

    /// <summary>
    /// Appends <paramref name="events"/> to the relation's stream after <paramref name="version"/>, each stamped with
    /// its recorded time; Marten's events, in order.
    /// </summary>
    public static IReadOnlyList<IEvent> Append(IDocumentSession session, string relation, long version,
        IReadOnlyList<(object Data, DateTimeOffset RecordedAt)> events)
    {
        var appended = session.Events.Append(relation, version + events.Count, events.Select(e => e.Data).ToArray()).Events;
        for (var i = 0; i < appended.Count; i++) appended[i].Timestamp = events[i].RecordedAt;
        return appended;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (decide, then commit) until it commits without a conflict, at most
    /// <see cref="MaxAttempts"/> times, telling <paramref name="conflicted"/> the number of each attempt that met one;
    /// false when every attempt did.
    /// </summary>
    public static async Task<bool> CommitAsync(Func<Task> attempt, Action<int> conflicted)
    {
        for (var i = 1; i <= MaxAttempts; i++)
        {
            try
            {
                await attempt();
                return true;
            }
            catch (Exception e) when (IsConflict(e))
            {
                conflicted(i);
            }
        }
        return false;
    }

    /// <summary>
    /// Another writer got there first: the stream moved past the version decided on, two first writes raced to start
    /// it, or the same Idempotency-Key was stored in between.
    /// </summary>
    public static bool IsConflict(Exception e) =>
        e is ConcurrencyException or DocumentAlreadyExistsException
            or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException
        || e.InnerException is ConcurrencyException
        // Two nodes' first writes to a new relation: Marten's quick append reports the race as the streams table's key.
        || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pkey_mt_streams_id" };
}
