using System.Text.Json;
using JasperFx;
using Marten;
using Marten.Exceptions;
using RelationsTracker.Api.Infrastructure;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Relations;

/// <summary>What a write endpoint decided: refuse with a problem, or record events and answer 201.</summary>
public abstract record Decision
{
    public sealed record Refused(IResult Problem) : Decision;

    /// <param name="Answer">Builds the 201 answer once the version and recorded time are known.</param>
    public sealed record Accepted(IReadOnlyList<object> Events, Func<Recorded, Created> Answer) : Decision;

    public static Decision Refuse(IResult problem) => new Refused(problem);
    public static Decision Accept(object @event, Func<Recorded, Created> answer) => new Accepted([@event], answer);
}

public sealed record Recorded(RelationId Relation, long Version, DateTimeOffset RecordedAt);

public sealed record Created(string Location, object Body);

/// <summary>The headers that condition a write: <c>If-Match</c> and <c>Idempotency-Key</c>.</summary>
public sealed record WriteConditions(IfMatch? IfMatch, string? IdempotencyKey, string Fingerprint)
{
    /// <summary>Reads both headers; a malformed one is a 400.</summary>
    public static bool TryRead(HttpRequest request, string route, object canonicalRequest, out WriteConditions conditions, out IResult? problem)
    {
        conditions = null!;
        problem = null;
        var errors = new FieldErrors();
        if (!IfMatch.TryParse(request.Headers[IfMatch.Header].FirstOrDefault(), out var ifMatch, out var ifMatchError))
            errors.Add(IfMatch.Header, ifMatchError!);
        var key = request.Headers[IdempotentResponse.Header].FirstOrDefault();
        if (key is not null && !IdempotentResponse.IsValidKey(key))
            errors.Add(IdempotentResponse.Header, $"must be 1 to {IdempotentResponse.MaxKeyLength} visible ASCII characters");
        if (errors.Any)
        {
            problem = errors.ToProblem();
            return false;
        }
        conditions = Create(ifMatch, key, route, canonicalRequest);
        return true;
    }

    /// <param name="route">The method and canonical path: the same request body on another route is another request.</param>
    /// <param name="canonicalRequest">The request as parsed, so key order and spacing in the body do not matter.</param>
    public static WriteConditions Create(IfMatch? ifMatch, string? idempotencyKey, string route, object canonicalRequest) =>
        new(ifMatch, idempotencyKey, IdempotentResponse.FingerprintOf(route, JsonSerializer.Serialize(canonicalRequest, ApiJson.Options)));
}

/// <summary>
/// The one path by which events enter a relation's stream. It reads the relation's write model and version
/// (<c>FetchForWriting</c>), honours If-Match, lets the endpoint decide, appends with optimistic concurrency,
/// and stores the idempotent answer in the same transaction. When another write wins the race and the client
/// gave no If-Match, it decides again on the new state; with If-Match, the loser gets 412. Nothing is saved
/// unless the answer is 201.
/// </summary>
public sealed class RelationWriter(IDocumentStore store, TimeProvider clock, ILogger<RelationWriter> logger)
{
    private const int MaxAttempts = 8;

    public async Task<IResult> WriteAsync(
        RelationId relation,
        WriteConditions conditions,
        Func<IQuerySession, Relation?, Task<Decision>> decide,
        CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            await using var session = store.LightweightSession();

            if (conditions.IdempotencyKey is { } key && await session.LoadAsync<IdempotentResponse>(key, ct) is { } earlier)
                return Replay(earlier, conditions);

            var stream = await session.Events.FetchForWriting<Relation>(relation.ToString(), ct);
            var version = stream.StartingVersion ?? 0;
            if (conditions.IfMatch is { } ifMatch && !ifMatch.Matches(version))
                return Problems.PreconditionFailed(version);

            var decision = await decide(session, stream.Aggregate);
            if (decision is Decision.Refused refused) return refused.Problem;
            var accepted = (Decision.Accepted)decision;

            var recordedAt = NextRecordedAt(stream.Aggregate);
            stream.AppendMany(accepted.Events);
            foreach (var e in stream.Events) e.Timestamp = recordedAt;

            var created = accepted.Answer(new Recorded(relation, version + accepted.Events.Count, recordedAt));
            var body = JsonSerializer.Serialize(created.Body, ApiJson.Options);
            if (conditions.IdempotencyKey is { } newKey)
                session.Insert(new IdempotentResponse(newKey, conditions.Fingerprint, StatusCodes.Status201Created, created.Location, body, recordedAt));

            try
            {
                await session.SaveChangesAsync(ct);
                return new SerializedJsonResult(StatusCodes.Status201Created, body, created.Location);
            }
            catch (Exception e) when (IsConcurrencyConflict(e))
            {
                if (conditions.IfMatch is not null)
                {
                    await using var query = store.QuerySession();
                    var state = await query.Events.FetchStreamStateAsync(relation.ToString(), ct);
                    return Problems.PreconditionFailed(state?.Version ?? 0);
                }
                logger.LogDebug("Concurrent write to {Relation}; deciding again (attempt {Attempt})", relation, attempt);
            }
            catch (DocumentAlreadyExistsException) when (conditions.IdempotencyKey is not null)
            {
                // A retry with the same key raced this one and won; the next attempt replays its answer.
            }
        }
        return Problems.Contention();
    }

    private static IResult Replay(IdempotentResponse earlier, WriteConditions conditions) =>
        earlier.Fingerprint == conditions.Fingerprint
            ? new SerializedJsonResult(earlier.StatusCode, earlier.Body, earlier.Location, replayed: true)
            : Problems.IdempotencyKeyReused();

    /// <summary>
    /// Now, to the microsecond PostgreSQL stores (so the recordedAt we answer, passed back as knownAt,
    /// includes this write), and never before the relation's previous write, so recorded time follows
    /// stream order even if the clock steps back.
    /// </summary>
    private DateTimeOffset NextRecordedAt(Relation? relation)
    {
        var now = clock.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
        return relation is not null && now <= relation.LastRecordedAt ? relation.LastRecordedAt.AddTicks(TimeSpan.TicksPerMicrosecond) : now;
    }

    /// <summary>
    /// Another write got there first: the stream moved past the version we decided on
    /// (<see cref="ConcurrencyException"/>), or two first writes raced to start it.
    /// </summary>
    private static bool IsConcurrencyConflict(Exception e) =>
        e is ConcurrencyException or ExistingStreamIdCollisionException || e.InnerException is ConcurrencyException;
}
