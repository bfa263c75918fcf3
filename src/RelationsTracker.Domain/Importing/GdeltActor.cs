namespace RelationsTracker.Importing;

/// <summary>The GDELT fields that say who an actor is.</summary>
public sealed record GdeltActor(string Code, string Name, string CountryCode, string KnownGroupCode)
{
    public string Describe() =>
        string.IsNullOrEmpty(Code) && string.IsNullOrEmpty(Name) ? "(none)" : $"{Name} ({Code})".Trim();
}
