namespace RelationsTracker.Writing;

/// <summary>The names of the lists of words a field takes (<see cref="OneOfAttribute"/>); the host knows each list's words.</summary>
public static class WordLists
{
    public const string DevelopmentTypes = nameof(DevelopmentTypes);
    public const string Significances = nameof(Significances);
    public const string MissionKinds = nameof(MissionKinds);
    public const string NotificationKinds = nameof(NotificationKinds);
    public const string Phases = nameof(Phases);
    public const string Directions = nameof(Directions);
    public const string Steps = nameof(Steps);
    public const string Stances = nameof(Stances);
    public const string Weightings = nameof(Weightings);
}
