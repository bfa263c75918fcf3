using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Writing;

namespace RelationsTracker.Actors;

/// <summary>The body of PUT /api/actors/{id}: the actor's name, an optional description and an optional GDELT mapping.</summary>
[AbsentNotNull]
public sealed record PutActorRequest
{
    public const int MaxName = 200;
    public const int MaxDescription = 2000;

    [StringLength(MaxName, MinimumLength = 1)]
    public required string Name { get; init; }

    [StringLength(MaxDescription, MinimumLength = 1)]
    public string? Description { get; init; }

    [Description("How a GDELT import recognises the actor (docs/import.md, \"Actor mapping\"); absent: it does not.")]
    public GdeltMappingRequest? Gdelt { get; init; }

    /// <summary>The actor, when every field passes; else each bad field's error.</summary>
    public (Actor? Actor, FieldErrors Errors) ToActor(string id)
    {
        var errors = new FieldErrors();
        var name = DevelopmentFields.Text(errors, "name", Name, required: true, MaxName);
        var description = DevelopmentFields.Text(errors, "description", Description, required: false, MaxDescription);
        var gdelt = Gdelt?.Check(errors);
        return errors.Any ? (null, errors) : (new Actor(id, name!, description, gdelt), errors);
    }
}
