using System.Collections.Concurrent;
using System.Text.Json;
using Marten;
using RelationsTracker.Api.Http;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// How an HTTP write reaches a relation's stream: writes to one relation are decided one at a time, in arrival order,
/// each on the state the previous ones left, and those decided while a commit runs are committed together in the next,
/// through <see cref="RelationStream"/>. docs/architecture.md ("How a development is recorded") tells the whole of it.
/// </summary>
public sealed class RelationWriter(IDocumentStore store, TimeProvider clock, ILogger<RelationWriter> logger)
{
    private const int MaxGroup = 100;

    private readonly ConcurrentDictionary<string, RelationQueue> _queues = new(StringComparer.Ordinal);

    /// <param name="touches">The development a retraction or correction is about: two writes about one
    /// development are never committed in the same group, so the second is decided on the first's result.</param>
    /// <param name="answer">Builds the 201 answer once the version and recorded time are known.</param>
    public Task<IResult> WriteAsync(RelationId relation, WriteConditions conditions, Decide decide, Func<Recorded, Created> answer,
        CancellationToken ct, Guid? touches = null)
    {
        var write = new PendingWrite(conditions, decide, answer, touches);
        var queue = _queues.GetOrAdd(relation.ToString(), _ => new RelationQueue());
        bool startDrainer;
        lock (queue)
        {
            queue.Pending.Enqueue(write);
            startDrainer = !queue.Draining;
            queue.Draining = true;
        }
        if (startDrainer) _ = Task.Run(() => DrainAsync(relation, queue));
        return write.Result.Task.WaitAsync(ct);
    }

    private async Task DrainAsync(RelationId relation, RelationQueue queue)
    {
        while (true)
        {
            List<PendingWrite> group;
            lock (queue)
            {
                if (queue.Pending.Count == 0)
                {
                    queue.Draining = false;
                    return;
                }
                group = TakeGroup(queue.Pending);
            }
            try
            {
                await CommitGroupAsync(relation, queue, group);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Writing to {Relation} failed", relation);
                foreach (var write in group) write.Result.TrySetException(e);
            }
        }
    }

    /// <summary>The writes waiting, in order, up to the first that touches a development an earlier one in the group touches.</summary>
    private static List<PendingWrite> TakeGroup(Queue<PendingWrite> pending)
    {
        var group = new List<PendingWrite>();
        var touched = new HashSet<Guid>();
        while (pending.Count > 0 && group.Count < MaxGroup)
        {
            var next = pending.Peek();
            if (next.Touches is { } id && !touched.Add(id) && group.Count > 0) break;
            group.Add(pending.Dequeue());
        }
        return group;
    }

    private async Task CommitGroupAsync(RelationId relation, RelationQueue queue, List<PendingWrite> group)
    {
        var committed = await RelationStream.CommitAsync(async () =>
        {
            var session = queue.Session ??= store.IdentitySession();
            try
            {
                var (answers, after) = await DecideGroupAsync(session, relation, queue.Known, group);
                if (answers.Any(a => a.Saves)) await session.SaveChangesAsync();
                queue.Known = after;
                queue.ForgetAllButRelation();
                for (var i = 0; i < group.Count; i++) group[i].Result.TrySetResult(answers[i].Result);
            }
            catch
            {
                // Whatever happened, what this session holds may not be what is stored.
                await queue.ForgetAsync();
                throw;
            }
        },
        // Another node wrote to the relation (or stored the same Idempotency-Key) first: the group is decided again
        // on what is there now.
        attempt => logger.LogDebug("Concurrent write to {Relation}; deciding {Count} writes again (attempt {Attempt})", relation, group.Count, attempt));
        if (!committed)
            foreach (var write in group) write.Result.TrySetResult(Problems.Contention());
    }

    /// <param name="known">The relation as this node's last commit left it, or null to read it from the store.</param>
    private async Task<(List<GroupAnswer> Answers, KnownState After)> DecideGroupAsync(
        IDocumentSession session, RelationId relation, KnownState? known, List<PendingWrite> group)
    {
        var keys = group.Select(w => w.Conditions.IdempotencyKey).OfType<string>().Distinct().ToArray();
        var earlier = keys.Length == 0
            ? new Dictionary<string, IdempotentResponse>()
            : (await session.LoadManyAsync<IdempotentResponse>(keys)).ToDictionary(r => r.Id);

        // Writing after our own last commit, the state is known: the append's expected version still catches
        // any other node's write in between. Otherwise read the relation's document, which carries its stream
        // version (one statement, so state and version agree); it lands in the session's identity map, where
        // the inline projection finds it.
        if (known is null)
        {
            var document = await session.LoadAsync<Relation>(relation.ToString());
            known = new KnownState(document);
        }
        var state = known.State;
        var version = known.Version;
        var lastRecordedAt = state?.LastRecordedAt ?? DateTimeOffset.MinValue;
        var appended = new List<(object Data, DateTimeOffset RecordedAt)>();

        var answers = new List<GroupAnswer>(group.Count);
        foreach (var write in group)
        {
            var conditions = write.Conditions;
            if (conditions.IdempotencyKey is { } key && earlier.TryGetValue(key, out var response))
            {
                answers.Add(new GroupAnswer(Replay(response, conditions), Saves: false));
                continue;
            }
            if (conditions.IfMatch is { } ifMatch && !ifMatch.Matches(version))
            {
                answers.Add(new GroupAnswer(Problems.PreconditionFailed(version), Saves: false));
                continue;
            }

            var decision = await write.Decide(session, state);
            if (decision.Refusal is { } refusal)
            {
                answers.Add(new GroupAnswer(Problems.For(refusal), Saves: false));
                continue;
            }

            var recordedAt = lastRecordedAt = Relation.NextRecordedAt(lastRecordedAt, clock.GetUtcNow());
            foreach (var e in decision.Events)
            {
                appended.Add((e, recordedAt));
                state = Relation.Fold(state, relation.ToString(), e, recordedAt, version + 1);
                version++;
            }

            var created = write.Answer(new Recorded(relation, version, recordedAt));
            var body = JsonSerializer.Serialize(created.Body, ApiJson.Options);
            if (conditions.IdempotencyKey is { } newKey)
            {
                var stored = new IdempotentResponse(newKey, conditions.Fingerprint, StatusCodes.Status201Created, created.Location, body, recordedAt);
                session.Insert(stored);
                earlier[newKey] = stored;
            }
            answers.Add(new GroupAnswer(new SerializedJsonResult(StatusCodes.Status201Created, body, created.Location), Saves: true));
        }

        if (appended.Count > 0) RelationStream.Append(session, relation.ToString(), known.Version, appended);
        return (answers, new KnownState(state));
    }

    private static IResult Replay(IdempotentResponse earlier, WriteConditions conditions) =>
        earlier.Fingerprint == conditions.Fingerprint
            ? new SerializedJsonResult(earlier.StatusCode, earlier.Body, earlier.Location, replayed: true)
            : Problems.IdempotencyKeyReused();

    private sealed class RelationQueue
    {
        public readonly Queue<PendingWrite> Pending = new();
        public bool Draining;
        /// <summary>The relation as this node last committed it; only its drainer touches it.</summary>
        public KnownState? Known;

        /// <summary>
        /// The session this relation's groups are written through, kept between groups (it holds no connection
        /// in between) because its identity map holds the <see cref="Relation"/> document the last commit
        /// stored: the inline projection then folds the next events onto it without reading it back first.
        /// </summary>
        public IDocumentSession? Session;

        /// <summary>Keeps only the relation's own document: developments and stored answers are read fresh.</summary>
        public void ForgetAllButRelation()
        {
            Session?.EjectAllOfType(typeof(Development));
            Session?.EjectAllOfType(typeof(IdempotentResponse));
        }

        public async Task ForgetAsync()
        {
            Known = null;
            if (Session is not null) await Session.DisposeAsync();
            Session = null;
        }
    }

    /// <summary>The relation as last committed; no document yet is a relation with no events.</summary>
    private sealed record KnownState(Relation? State)
    {
        public long Version => State?.StreamVersion ?? 0;
    }

    private sealed record PendingWrite(WriteConditions Conditions, Decide Decide, Func<Recorded, Created> Answer, Guid? Touches)
    {
        public TaskCompletionSource<IResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record GroupAnswer(IResult Result, bool Saves);
}
