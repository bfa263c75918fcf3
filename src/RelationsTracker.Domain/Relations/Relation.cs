using System.Text.Json.Serialization;
using RelationsTracker.Developments;

namespace RelationsTracker.Relations;

/// <summary>
/// What the write side needs to know about a relation to decide on a new development: its version (for
/// If-Match and optimistic concurrency), the agreements it has seen (a title is required the first time)
/// and the last moment anything was recorded in it (recorded time never goes backwards within a relation).
/// Kept inline by the host's RelationProjection, so a writer reads it and the stream's version in one trip.
/// </summary>
public sealed record Relation
{
    public string Id { get; init; } = "";
    /// <summary>
    /// The stream version of the last event folded in: writers read it with the state, in one statement, so the
    /// two always agree. (Stored as "version", as documents made by earlier versions have it; not named
    /// Version, which Marten would manage as the document's own revision number.)
    /// </summary>
    [JsonPropertyName("version")]
    public long StreamVersion { get; init; }
    public DateTimeOffset LastRecordedAt { get; init; }
    /// <summary>Agreement slug → its title as first given.</summary>
    public Dictionary<string, string?> Agreements { get; init; } = new(StringComparer.Ordinal);

    public bool KnowsAgreement(string slug) => Agreements.ContainsKey(slug);

    /// <summary>
    /// The recorded time of a relation's next event: <paramref name="now"/> to the microsecond PostgreSQL stores (so
    /// a recordedAt passed back as knownAt includes its write), and always after <paramref name="previous"/>, so
    /// recorded time follows stream order even if the clock steps back or two events share a microsecond.
    /// </summary>
    public static DateTimeOffset NextRecordedAt(DateTimeOffset previous, DateTimeOffset now)
    {
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
        return now > previous ? now : previous.AddTicks(TimeSpan.TicksPerMicrosecond);
    }

    public static Relation Fold(Relation? relation, string id, object @event, DateTimeOffset recordedAt, long version)
    {
        relation ??= new Relation { Id = id };
        relation = relation with
        {
            StreamVersion = Math.Max(relation.StreamVersion, version),
            LastRecordedAt = recordedAt > relation.LastRecordedAt ? recordedAt : relation.LastRecordedAt,
        };
        if (@event is not DevelopmentRecorded recorded) return relation;

        var agreements = relation.Agreements;
        if (recorded is AgreementDevelopment agreement && !agreements.ContainsKey(agreement.Agreement))
        {
            agreements = new Dictionary<string, string?>(agreements, StringComparer.Ordinal) { [agreement.Agreement] = agreement.Title };
        }
        return relation with { Agreements = agreements };
    }
}
