using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Relations;

namespace RelationsTracker.Writing;

/// <summary>The mission of a MissionOpened or MissionClosed, as the request gives it.</summary>
[AbsentNotNull]
public sealed record MissionRequest
{
    [Description("The sending side: one of the relation's two actors; the other hosts the mission.")]
    [RegularExpression(ActorId.PatternText)]
    public required string Owner { get; init; }

    [OneOf(WordLists.MissionKinds)]
    public required string Kind { get; init; }

    [StringLength(DevelopmentFields.MaxCity, MinimumLength = 1)]
    public required string City { get; init; }
}
