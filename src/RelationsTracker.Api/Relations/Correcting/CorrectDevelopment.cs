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

namespace RelationsTracker.Api.Relations.Correcting;

/// <summary>Fields of a development are corrected: reads with a knownAt from this moment on use the new values.</summary>
[Tags("Developments")]
public static class CorrectDevelopmentEndpoint
{
    [WolverinePost("/api/relations/{a}/{b}/developments/{id}/correction", OperationId = "correctDevelopment",
        Summary = "Corrects fields of a development: reads known from this moment of recorded time use the new values")]
    [Parameters(ApiParameters.ActorA, ApiParameters.ActorB, ApiParameters.DevelopmentId, ApiParameters.IfMatchHeader, ApiParameters.IdempotencyKey)]
    [JsonRequestBody(typeof(CorrectDevelopmentBody))]
    [ProducesResponseType<RecordedAnswer>(StatusCodes.Status201Created, Description = "Corrected (or, under the same Idempotency-Key, corrected before)")]
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
        => DevelopmentChange.HandleAsync<CorrectDevelopment>(a, b, id, "correction", request, session, routes, writer, clock,
            CorrectDevelopment.Parse, CorrectDevelopment.Decide, ct);
}

public sealed record CorrectDevelopment(string Reason, OccurrenceDate? OccurredOn, DevelopmentType? Type, Significance? Significance, string? Summary)
{
    public static (CorrectDevelopment? Command, FieldErrors Errors) Parse(JsonElement root, DateOnly today)
    {
        var errors = new FieldErrors();
        if (JsonObjectReader.ForBody(root, errors) is not { } body) return (null, errors);
        var reason = body.String("reason", required: true, DevelopmentFields.MaxReason);
        var occurredOn = DevelopmentFields.OccurredOn(body, required: false, today);
        var type = DevelopmentFields.Type(body, required: false);
        var significance = DevelopmentFields.Significance(body);
        var summary = body.String("summary", required: false, DevelopmentFields.MaxSummary);
        body.RejectUnknownProperties();
        if (!errors.Any && occurredOn is null && type is null && significance is null && summary is null)
            errors.Add("body", "names nothing to correct: give at least one of occurredOn, type, significance, summary");
        return errors.Any ? (null, errors) : (new CorrectDevelopment(reason!, occurredOn, type, significance, summary), errors);
    }

    public static Decision Decide(CorrectDevelopment command, RelationId relation, Guid developmentId, Development? development)
    {
        if (development is null || development.Relation != relation.ToString())
            return Decision.Refuse(Problems.NotFound($"No development {developmentId} in {relation}."));
        if (development.Retraction is not null)
            return Decision.Refuse(Problems.Conflict($"Development {developmentId} was retracted at {development.Retraction.RecordedAt:O}; a retracted development cannot be corrected."));

        // An agreement development carries a slug and a mission development a mission: a type correction
        // may not leave them behind or need ones the development never had.
        if (command.Type is { } type && Catalogue.Of(type).Shape != Catalogue.Of(development.Type).Shape)
            return Decision.Refuse(Problems.Validation("type",
                $"{development.Type} cannot be corrected to {type}: {ShapeRule(Catalogue.Of(development.Type).Shape)}"));

        var corrected = new DevelopmentCorrected
        {
            DevelopmentId = developmentId,
            Reason = command.Reason,
            OccurredOn = command.OccurredOn,
            Type = command.Type,
            Significance = command.Significance,
            Summary = command.Summary,
        };
        return Decision.Accept(corrected, done => new Created(
            $"{RouteRelation.PathOf(done.Relation)}/developments/{developmentId}",
            new RecordedAnswer(developmentId, done.Relation.ToString(), done.Version, done.RecordedAt.UtcDateTime)));
    }

    private static string ShapeRule(DevelopmentShape shape) => shape switch
    {
        DevelopmentShape.Agreement => "an agreement development can only become another agreement type",
        DevelopmentShape.Mission => "a mission development can only become MissionOpened or MissionClosed",
        _ => "a development without an agreement or mission cannot become an agreement or mission type",
    };
}

/// <summary>
/// The body of POST .../correction as the OpenAPI document describes it (at least one of occurredOn, type,
/// significance, summary); <see cref="CorrectDevelopment.Parse"/> reads it field by field.
/// </summary>
[AbsentNotNull]
public sealed class CorrectDevelopmentBody
{
    [StringLength(DevelopmentFields.MaxReason, MinimumLength = 1)]
    public required string Reason { get; init; }

    [Description("YYYY, YYYY-MM or YYYY-MM-DD; a real date, not after today (UTC).")]
    [RegularExpression(DevelopmentFields.OccurrenceDatePattern)]
    public string? OccurredOn { get; init; }

    [Description("Another type of the same shape: an agreement type stays one, a mission type stays one.")]
    [OneOf(AllowedNames.DevelopmentTypes)]
    public string? Type { get; init; }

    [OneOf(AllowedNames.Significances)]
    public string? Significance { get; init; }

    [StringLength(DevelopmentFields.MaxSummary, MinimumLength = 1)]
    public string? Summary { get; init; }
}
