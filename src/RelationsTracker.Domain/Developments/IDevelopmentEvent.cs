namespace RelationsTracker.Developments;

/// <summary>Every event about one development carries its id.</summary>
public interface IDevelopmentEvent
{
    Guid DevelopmentId { get; }
}
