namespace RelationsTracker.Developments;

/// <summary>A development that opens or closes a diplomatic mission.</summary>
public abstract record MissionDevelopment : DevelopmentRecorded
{
    public Mission Mission { get; init; } = new("", "", "");
}
