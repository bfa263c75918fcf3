namespace RelationsTracker.Scoring;

/// <summary>How contributions are weighed (scoring.md): plain (every cᵢ = 1, the default) or corroborated (× cᵢ).</summary>
public enum Weighting
{
    Plain,
    Corroborated,
}
