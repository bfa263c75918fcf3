using System.ComponentModel.DataAnnotations;
using RelationsTracker.Api.Developments;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Actors;

/// <summary>The body of PUT /api/actors/{id}: the actor's name and an optional description.</summary>
[AbsentNotNull]
public sealed record PutActorRequest
{
    public const int MaxName = 200;
    public const int MaxDescription = 2000;

    [StringLength(MaxName, MinimumLength = 1)]
    public required string Name { get; init; }

    [StringLength(MaxDescription, MinimumLength = 1)]
    public string? Description { get; init; }

    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        DevelopmentFields.Text(errors, "name", Name, required: true, MaxName);
        DevelopmentFields.Text(errors, "description", Description, required: false, MaxDescription);
        return errors;
    }
}
