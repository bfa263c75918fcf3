namespace RelationsTracker.Developments;

/// <summary>What a development carries beyond the common fields, and so which extra fields it needs.</summary>
public enum DevelopmentShape
{
    Plain,
    /// <summary>Needs an agreement slug (and a title the first time the slug is seen).</summary>
    Agreement,
    /// <summary>Needs a mission: owner, kind, city.</summary>
    Mission,
}
