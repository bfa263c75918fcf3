using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Infrastructure;
using RelationsTracker.Api.Infrastructure.OpenApi;
using RelationsTracker.Api.Relations.Recording;
using RelationsTracker.Developments;
using RelationsTracker.Relations;
using Wolverine.Http;

namespace RelationsTracker.Api.Relations.Retracting;

/// <summary>A development is withdrawn: from this moment of recorded time it stops counting. History keeps it.</summary>
[Tags("Developments")]
public static class RetractDevelopmentEndpoint
{
    [WolverinePost("/api/relations/{a}/{b}/developments/{id}/retraction", OperationId = "retractDevelopment",
        Summary = "Retracts a development: from this moment of recorded time it stops counting")]
    [Parameters(ApiParameters.ActorA, ApiParameters.ActorB, ApiParameters.DevelopmentId, ApiParameters.IfMatchHeader, ApiParameters.IdempotencyKey)]
    [JsonRequestBody(typeof(RetractDevelopmentBody))]
    [ProducesResponseType<RecordedAnswer>(StatusCodes.Status201Created, Description = "Retracted (or, under the same Idempotency-Key, retracted before)")]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [ResponseHeader(StatusCodes.Status201Created, "Idempotent-Replayed")]
    [Problems(400, 404, 409, 412, 413, 415, 422, 503)]
    public static Task<IResult> Post(
        string a,
        string b,
        string id,
        HttpRequest request,
        [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes,
        [FromServices] RelationWriter writer,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
        => DevelopmentChange.HandleAsync<RetractDevelopment>(a, b, id, "retraction", request, session, routes, writer, clock,
            RetractDevelopment.Parse, RetractDevelopment.Decide, ct);
}

public sealed record RetractDevelopment(string Reason, IReadOnlyList<Source> Sources)
{
    public static (RetractDevelopment? Command, FieldErrors Errors) Parse(JsonElement root, DateOnly today)
    {
        var errors = new FieldErrors();
        if (JsonObjectReader.ForBody(root, errors) is not { } body) return (null, errors);
        var reason = body.String("reason", required: true, DevelopmentFields.MaxReason);
        var sources = DevelopmentFields.Sources(body, required: false, today) ?? [];
        body.RejectUnknownProperties();
        return errors.Any ? (null, errors) : (new RetractDevelopment(reason!, sources), errors);
    }

    public static Decision Decide(RetractDevelopment command, RelationId relation, Guid developmentId, Development? development)
    {
        if (development is null || development.Relation != relation.ToString())
            return Decision.Refuse(Problems.NotFound($"No development {developmentId} in {relation}."));
        if (development.Retraction is not null)
            return Decision.Refuse(Problems.Conflict($"Development {developmentId} was already retracted at {development.Retraction.RecordedAt:O}."));

        return Decision.Accept(new DevelopmentRetracted(developmentId, command.Reason, command.Sources), done => new Created(
            $"{RouteRelation.PathOf(done.Relation)}/developments/{developmentId}",
            new RecordedAnswer(developmentId, done.Relation.ToString(), done.Version, done.RecordedAt.UtcDateTime)));
    }
}

/// <summary>The body of POST .../retraction as the OpenAPI document describes it; <see cref="RetractDevelopment.Parse"/> reads it field by field.</summary>
[AbsentNotNull]
public sealed class RetractDevelopmentBody
{
    [StringLength(DevelopmentFields.MaxReason, MinimumLength = 1)]
    public required string Reason { get; init; }

    [Description("The reports that withdraw it, if any.")]
    [MaxLength(DevelopmentFields.MaxSources)]
    public IReadOnlyList<SourceBody>? Sources { get; init; }
}
