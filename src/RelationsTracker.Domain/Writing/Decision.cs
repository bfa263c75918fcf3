using RelationsTracker.Developments;

namespace RelationsTracker.Writing;

/// <summary>What a command decided on the relation's state: the events to record, or why not.</summary>
public sealed record Decision
{
    public IReadOnlyList<IDevelopmentEvent> Events { get; }
    public Refusal? Refusal { get; }

    private Decision(IReadOnlyList<IDevelopmentEvent> events, Refusal? refusal) => (Events, Refusal) = (events, refusal);

    public static Decision Record(IDevelopmentEvent e) => new([e], null);
    public static Decision Refuse(Refusal refusal) => new([], refusal);
}
