namespace RelationsTracker.Writing;

public enum RefusalKind
{
    /// <summary>The request breaks a rule of the relation as it stands (a field is named).</summary>
    Invalid,
    /// <summary>What the request is about does not exist in the relation.</summary>
    NotFound,
    /// <summary>What the request is about is in a state that forbids it (a retracted development).</summary>
    Conflict,
}
