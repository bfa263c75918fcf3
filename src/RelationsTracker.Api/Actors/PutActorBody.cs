using System.ComponentModel.DataAnnotations;
using RelationsTracker.Api.Http.OpenApi;

namespace RelationsTracker.Api.Actors;

/// <summary>The body of PUT /api/actors/{id} as the OpenAPI document describes it; <see cref="ActorEndpoints.Put"/> reads it field by field.</summary>
[AbsentNotNull]
public sealed class PutActorBody
{
    [StringLength(ActorEndpoints.MaxName, MinimumLength = 1)]
    public required string Name { get; init; }

    [StringLength(ActorEndpoints.MaxDescription, MinimumLength = 1)]
    public string? Description { get; init; }
}
