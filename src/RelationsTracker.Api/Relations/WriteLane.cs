using System.Text.Json;
using Marten;
using RelationsTracker.Api.Http;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// One of <see cref="RelationWriter"/>'s lanes: its relations' writes are decided one at a time, in arrival order, each on
/// the state the previous ones left, and those that waited while a commit ran are committed together in the next,
/// whatever relations of the lane they are to, through <see cref="RelationStream"/>.
/// </summary>
internal sealed class WriteLane(IDocumentStore store, TimeProvider clock, ILogger logger)
{
    // Past this many relations' documents in the writing session, it starts afresh (they are read again when written).
    private const int RelationsKept = 10_000;

    private readonly WaitingWrites _waiting = new();

    // The session every commit goes through, kept between commits (it holds no connection in between) because its
    // identity map holds the Relation documents the last commits stored: the inline projection then folds the next
    // events onto them without reading them back first. Only the drainer touches it.
    private IDocumentSession? _session;
    private readonly HashSet<string> _inSession = new(StringComparer.Ordinal);

    /// <summary>As <see cref="RelationWriter.WriteAsync"/>.</summary>
    public Task<WriteOutcome> WriteAsync(RelationId relation, WriteConditions conditions, Decide decide, Func<Recorded, Created> answer,
        CancellationToken ct, Guid? touches = null)
    {
        var write = new WaitingWrites.Write(conditions, decide, answer, touches);
        if (_waiting.Add(relation, write)) _ = Task.Run(DrainAsync);
        return write.Result.Task.WaitAsync(ct);
    }

    private async Task DrainAsync()
    {
        // Each batch holds what waited while the last committed (WaitingWrites.TakeBatch); none left, the drainer stops.
        while (_waiting.TakeBatch() is { } batch)
        {
            // A conflict or failure in a batch of several relations does not say whose: each is then committed alone.
            if (batch.Count == 1 || !await TryCommitOnceAsync(batch))
                foreach (var group in batch) await CommitAsync([group]);
        }
    }

    /// <returns>False when nothing was committed: another writer got to one of the relations first, or a write failed.</returns>
    private async Task<bool> TryCommitOnceAsync(List<WaitingWrites.Group> batch)
    {
        try
        {
            await CommitOnceAsync(batch);
            return true;
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Committing {Count} relations together failed; committing each alone", batch.Count);
            return false;
        }
    }

    private async Task CommitAsync(List<WaitingWrites.Group> batch)
    {
        try
        {
            // Another node wrote to the relation (or stored the same Idempotency-Key) first: the group is decided
            // again on what is there now.
            var committed = await RelationStream.CommitAsync(() => CommitOnceAsync(batch),
                attempt => logger.LogDebug("Concurrent write to {Relation}; deciding again (attempt {Attempt})", batch[0].Relation.Id, attempt));
            if (!committed)
                foreach (var write in batch.SelectMany(g => g.Writes)) write.Result.TrySetResult(WriteOutcome.Contention);
        }
        catch (Exception e)
        {
            Fail(batch, e);
        }
    }

    private void Fail(List<WaitingWrites.Group> batch, Exception e)
    {
        logger.LogError(e, "Writing to {Relations} failed", string.Join(", ", batch.Select(g => g.Relation.Id)));
        foreach (var write in batch.SelectMany(g => g.Writes)) write.Result.TrySetException(e);
    }

    private async Task CommitOnceAsync(List<WaitingWrites.Group> batch)
    {
        var session = _session ??= store.IdentitySession();
        try
        {
            // One set of stored answers for the batch: a key used twice in it is met as if the writes had come one by one.
            var earlier = await StoredAnswersAsync(session, batch);
            var decided = new List<(List<GroupAnswer> Answers, KnownState After)>(batch.Count);
            foreach (var group in batch) decided.Add(await DecideGroupAsync(session, group.Relation.Id, group.Relation.Known, group.Writes, earlier));
            if (decided.Any(d => d.Answers.Any(a => a.Saves))) await session.SaveChangesAsync();
            for (var g = 0; g < batch.Count; g++)
            {
                batch[g].Relation.Known = decided[g].After;
                for (var i = 0; i < batch[g].Writes.Count; i++) batch[g].Writes[i].Result.TrySetResult(decided[g].Answers[i].Result);
            }
            // Keep only the relations' own documents: developments and stored answers are read fresh.
            session.EjectAllOfType(typeof(Development));
            session.EjectAllOfType(typeof(IdempotentResponse));
            foreach (var group in batch) _inSession.Add(group.Relation.Id.ToString());
            if (_inSession.Count > RelationsKept) await ForgetSessionAsync();
        }
        catch
        {
            // Whatever happened, what this session holds may not be what is stored.
            foreach (var group in batch) group.Relation.Known = null;
            await ForgetSessionAsync();
            throw;
        }
    }

    private async Task ForgetSessionAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        _session = null;
        _inSession.Clear();
    }

    private static async Task<Dictionary<string, IdempotentResponse>> StoredAnswersAsync(IQuerySession session, List<WaitingWrites.Group> batch)
    {
        var keys = batch.SelectMany(g => g.Writes).Select(w => w.Conditions.IdempotencyKey).OfType<string>().Distinct().ToArray();
        return keys.Length == 0
            ? new Dictionary<string, IdempotentResponse>()
            : (await session.LoadManyAsync<IdempotentResponse>(keys)).ToDictionary(r => r.Id);
    }

    /// <param name="known">The relation as this node's last commit left it, or null to read it from the store.</param>
    private async Task<(List<GroupAnswer> Answers, KnownState After)> DecideGroupAsync(
        IDocumentSession session, RelationId relation, KnownState? known, List<WaitingWrites.Write> group, Dictionary<string, IdempotentResponse> earlier)
    {
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
                answers.Add(new GroupAnswer(WriteOutcome.StaleVersion(version), Saves: false));
                continue;
            }

            var decision = await write.Decide(session, state);
            if (decision.Refusal is { } refusal)
            {
                answers.Add(new GroupAnswer(WriteOutcome.Refused(refusal), Saves: false));
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
            answers.Add(new GroupAnswer(WriteOutcome.Recorded(body, created.Location), Saves: true));
        }

        if (appended.Count > 0) RelationStream.Append(session, relation.ToString(), known.Version, appended);
        return (answers, new KnownState(state));
    }

    private static WriteOutcome Replay(IdempotentResponse earlier, WriteConditions conditions) =>
        earlier.Fingerprint == conditions.Fingerprint ? WriteOutcome.Replayed(earlier.Body, earlier.Location) : WriteOutcome.KeyReused;

    /// <summary>The relation as last committed; no document yet is a relation with no events.</summary>
    internal sealed record KnownState(Relation? State)
    {
        public long Version => State?.StreamVersion ?? 0;
    }

    private sealed record GroupAnswer(WriteOutcome Result, bool Saves);
}
