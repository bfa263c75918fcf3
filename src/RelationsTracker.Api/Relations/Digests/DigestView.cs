using RelationsTracker.Api.Developments.Timeline;
using RelationsTracker.Api.Relations.Replaying;

namespace RelationsTracker.Api.Relations.Digests;

/// <summary>What GET .../digest answers: a relation's month as a briefing.</summary>
public sealed record DigestView(
    string Relation,
    IReadOnlyList<string> Actors,
    string Month,
    DateTime KnownAt,
    int HalfLifeDays,
    DigestReadingView Start,
    DigestReadingView End,
    decimal Change,
    string Verdict,
    IReadOnlyList<DevelopmentView> Developments,
    IReadOnlyList<ContributorView> TopContributors);
