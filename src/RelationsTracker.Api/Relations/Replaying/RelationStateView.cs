using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations.Replaying;

/// <summary>The relation at asOf as api.md shows it ("The relation at a date").</summary>
public sealed record RelationStateView(
    string Relation,
    IReadOnlyList<string> Actors,
    string AsOf,
    DateTime KnownAt,
    int HalfLifeDays,
    [property: OneOf(WordLists.Weightings)] string Weighting,
    decimal Score,
    decimal Raw,
    decimal Trend,
    [property: OneOf(WordLists.Directions)] string Direction,
    [property: OneOf(WordLists.Phases)] string Phase,
    IReadOnlyList<AgreementView> Agreements,
    IReadOnlyList<MissionStateView> Missions,
    MilitaryView Military,
    string? LastContact,
    int VisitsLast365Days,
    int DevelopmentCount,
    IReadOnlyList<ContributorView> TopContributors,
    long Version)
{
    public static RelationStateView Of(RelationId relation, PointOfView view, RelationReading reading, long version) => new(
        relation.ToString(),
        relation.Actors,
        view.AsOf.ToString("yyyy-MM-dd"),
        view.KnownAt.UtcDateTime,
        view.HalfLifeDays,
        RelationsTracker.Scoring.WeightingName.NameOf(view.Weighting),
        reading.Score,
        reading.Raw,
        reading.Trend,
        reading.Direction.Name(),
        reading.Phase.Name(),
        reading.Agreements.Select(x => new AgreementView(x.Id, x.Title, x.Status, x.Since.ToString())).ToList(),
        reading.Missions.Select(x => new MissionStateView(x.Owner, x.Kind, x.City, x.Status, x.Since.ToString())).ToList(),
        new MilitaryView(reading.Military.ActivitiesLast365Days, reading.Military.LastActivity?.ToString()),
        reading.LastContact?.ToString(),
        reading.VisitsLast365Days,
        reading.DevelopmentCount,
        reading.TopContributors.Select(x => new ContributorView(x.Id, x.Type.ToString(), x.OccurredOn.ToString(), x.Contribution)).ToList(),
        version);
}
