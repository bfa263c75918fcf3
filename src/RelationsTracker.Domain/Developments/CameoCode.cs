namespace RelationsTracker.Developments;

/// <summary>One line of the CAMEO scale: a code, its Goldstein value and what it means.</summary>
public sealed record CameoCode(string Code, double Value, string Description);
