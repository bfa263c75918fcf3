namespace RelationsTracker.Developments;

/// <summary>A development about an agreement, named by its slug (<c>maritime-mou-2019</c>).</summary>
public abstract record AgreementDevelopment : DevelopmentRecorded
{
    public string Agreement { get; init; } = "";
    /// <summary>Required the first time the relation sees the slug; optional after.</summary>
    public string? Title { get; init; }
}
