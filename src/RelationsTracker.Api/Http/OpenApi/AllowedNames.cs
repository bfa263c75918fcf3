using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Developments;
using RelationsTracker.Scoring;
using RelationsTracker.Writing;
using RelationsTracker.Notifying;

namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>The words of each <see cref="WordLists"/> list, from the code that parses and writes them.</summary>
public static class AllowedNames
{

    private static readonly Dictionary<string, IReadOnlyList<string>> Lists = new(StringComparer.Ordinal)
    {
        [WordLists.DevelopmentTypes] = Catalogue.Entries.OrderBy(e => (int)e.Type).Select(e => e.Type.ToString()).ToList(),
        [WordLists.Significances] = global::System.Enum.GetValues<Significance>().Select(s => s.Name()).ToList(),
        [WordLists.MissionKinds] = Mission.Kinds,
        [WordLists.NotificationKinds] = Notification.Kinds,
        [WordLists.Phases] = global::System.Enum.GetValues<Phase>().Select(p => p.Name()).ToList(),
        [WordLists.Directions] = global::System.Enum.GetValues<Direction>().Select(d => d.Name()).ToList(),
        [WordLists.Steps] = SeriesStep.Names,
        [WordLists.Stances] = ["confirms", "disputes"],
        [WordLists.Weightings] = WeightingName.Names,
    };

    public static IReadOnlyList<string> Of(string list) =>
        Lists.TryGetValue(list, out var values) ? values : throw new InvalidOperationException($"No list '{list}' in {nameof(AllowedNames)}");
}
