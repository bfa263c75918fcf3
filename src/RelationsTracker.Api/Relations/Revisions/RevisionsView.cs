namespace RelationsTracker.Api.Relations.Revisions;

/// <summary>What GET .../revisions answers.</summary>
public sealed record RevisionsView(
    string Relation,
    DateTime? Since,
    DateTime Until,
    string AsOf,
    int HalfLifeDays,
    IReadOnlyList<RevisionView> Revisions,
    string? Next);
