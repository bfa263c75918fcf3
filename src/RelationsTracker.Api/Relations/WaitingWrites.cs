using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// The writes waiting for one <see cref="WriteLane"/>'s drainer: each relation's in arrival order, and the relations
/// with some in the order they began to wait, so a batch takes a group from each in turn.
/// </summary>
internal sealed class WaitingWrites
{
    // Writes of one relation in one commit, and of all relations.
    private const int MaxGroup = 100;
    private const int MaxBatch = 1_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, RelationWrites> _relations = new(StringComparer.Ordinal);
    // The relations with writes waiting and no batch committing: each once, in the order they began to wait.
    private readonly Queue<RelationWrites> _waiting = new();
    private bool _draining;

    /// <summary>A write waiting, and its answer once committed.</summary>
    public sealed record Write(WriteConditions Conditions, Decide Decide, Func<Recorded, Created> Answer, Guid? Touches)
    {
        public TaskCompletionSource<WriteOutcome> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One relation's writes, and the relation as this node last committed it (only the drainer touches that).</summary>
    public sealed class RelationWrites(RelationId relation)
    {
        public RelationId Id { get; } = relation;
        public readonly Queue<Write> Pending = new();
        /// <summary>In the queue of relations waiting.</summary>
        public bool Waiting;
        public WriteLane.KnownState? Known;
    }

    /// <summary>Writes of one relation to commit together.</summary>
    public sealed record Group(RelationWrites Relation, List<Write> Writes);

    /// <returns>True when no drainer runs: the caller starts one.</returns>
    public bool Add(RelationId relation, Write write)
    {
        var key = relation.ToString();
        lock (_lock)
        {
            if (!_relations.TryGetValue(key, out var writes)) _relations[key] = writes = new RelationWrites(relation);
            writes.Pending.Enqueue(write);
            if (!writes.Waiting)
            {
                writes.Waiting = true;
                _waiting.Enqueue(writes);
            }
            var start = !_draining;
            _draining = true;
            return start;
        }
    }

    /// <summary>
    /// A group from each relation waiting, in the order they began to wait (those with writes left wait again, behind
    /// the others); null when none waits, and the drainer stops. The one drainer takes the next batch only once this
    /// one is answered, so a relation's writes are committed in order.
    /// </summary>
    public List<Group>? TakeBatch()
    {
        lock (_lock)
        {
            if (_waiting.Count == 0)
            {
                _draining = false;
                return null;
            }
            var batch = new List<Group>();
            var writes = 0;
            for (var n = _waiting.Count; n > 0 && writes < MaxBatch; n--)
            {
                var relation = _waiting.Dequeue();
                var group = TakeGroup(relation.Pending);
                batch.Add(new Group(relation, group));
                writes += group.Count;
                if (relation.Pending.Count > 0) _waiting.Enqueue(relation);
                else relation.Waiting = false;
            }
            return batch;
        }
    }

    /// <summary>The writes waiting, in order, up to the first that touches a development an earlier one in the group touches.</summary>
    private static List<Write> TakeGroup(Queue<Write> pending)
    {
        var group = new List<Write>();
        var touched = new HashSet<Guid>();
        while (pending.Count > 0 && group.Count < MaxGroup)
        {
            var next = pending.Peek();
            if (next.Touches is { } id && !touched.Add(id) && group.Count > 0) break;
            group.Add(pending.Dequeue());
        }
        return group;
    }
}
