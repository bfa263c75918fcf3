using RelationsTracker.Api.Notifications;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>The words the API takes and gives for its enumerations, from the code that parses and writes them.</summary>
public static class AllowedNames
{
    public const string DevelopmentTypes = nameof(DevelopmentTypes);
    public const string Significances = nameof(Significances);
    public const string MissionKinds = nameof(MissionKinds);
    public const string NotificationKinds = nameof(NotificationKinds);
    public const string Phases = nameof(Phases);
    public const string Directions = nameof(Directions);
    public const string Steps = nameof(Steps);

    private static readonly Dictionary<string, IReadOnlyList<string>> Lists = new(StringComparer.Ordinal)
    {
        [DevelopmentTypes] = Catalogue.Entries.OrderBy(e => (int)e.Type).Select(e => e.Type.ToString()).ToList(),
        [Significances] = global::System.Enum.GetValues<Significance>().Select(s => s.Name()).ToList(),
        [MissionKinds] = Mission.Kinds,
        [NotificationKinds] = Notification.Kinds,
        [Phases] = global::System.Enum.GetValues<Phase>().Select(p => p.Name()).ToList(),
        [Directions] = global::System.Enum.GetValues<Direction>().Select(d => d.Name()).ToList(),
        [Steps] = SeriesStep.Names,
    };

    public static IReadOnlyList<string> Of(string list) =>
        Lists.TryGetValue(list, out var values) ? values : throw new InvalidOperationException($"No list '{list}' in {nameof(AllowedNames)}");
}
