using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Infrastructure;
using RelationsTracker.Developments;
using RelationsTracker.Relations;
using Wolverine.Http;

namespace RelationsTracker.Api.Relations.Recording;

/// <summary>An analyst records a development in a relation (api.md, "Recording a development").</summary>
public static class RecordDevelopmentEndpoint
{
    [WolverinePost("/api/relations/{a}/{b}/developments")]
    public static async Task<IResult> Post(
        string a,
        string b,
        HttpRequest request,
        [FromServices] IQuerySession session,
        [FromServices] RouteRelation routes,
        [FromServices] RelationWriter writer,
        [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var (relation, routeProblem) = await routes.ResolveAsync(session, a, b, ct);
        if (routeProblem is not null) return routeProblem;

        var (document, bodyProblem) = await JsonBody.ReadAsync(request, ct);
        if (bodyProblem is not null) return bodyProblem;
        using var _ = document;

        var (command, errors) = RecordDevelopment.Parse(document!.RootElement, relation, clock.Today());
        if (errors.Any) return errors.ToProblem();

        if (!WriteConditions.TryRead(request, Route(relation), command!, out var conditions, out var headerProblem))
            return headerProblem!;

        var developmentId = Guid.CreateVersion7();
        return await writer.WriteAsync(relation, conditions,
            (_, state) => Task.FromResult(RecordDevelopment.Decide(command!, state, developmentId)), ct);
    }

    /// <summary>The route as idempotency fingerprints name it.</summary>
    public static string Route(RelationId relation) => $"POST {RouteRelation.PathOf(relation)}/developments";
}

/// <summary>The request to record a development, parsed and checked field by field.</summary>
public sealed record RecordDevelopment(
    DevelopmentType Type,
    OccurrenceDate OccurredOn,
    string Actor,
    string Summary,
    Significance Significance,
    IReadOnlyList<Source> Sources,
    string? Agreement,
    string? Title,
    Mission? Mission)
{
    public static (RecordDevelopment? Command, FieldErrors Errors) Parse(JsonElement root, RelationId relation, DateOnly today)
    {
        var errors = new FieldErrors();
        if (JsonObjectReader.ForBody(root, errors) is not { } body) return (null, errors);

        var type = DevelopmentFields.Type(body, required: true);
        var occurredOn = DevelopmentFields.OccurredOn(body, required: true, today);
        var actor = body.String("actor", required: true, 20);
        var summary = body.String("summary", required: true, DevelopmentFields.MaxSummary);
        var significance = DevelopmentFields.Significance(body) ?? Significance.Normal;
        var sources = DevelopmentFields.Sources(body, required: true, today);

        if (actor is not null && !relation.Involves(actor))
            errors.Add("actor", $"'{actor}' is not one of the relation's actors ({relation.First}, {relation.Second})");

        // Which extra fields are allowed depends on the type's shape; with no valid type, only the type is reported.
        var shape = type is { } t ? Catalogue.Of(t).Shape : (DevelopmentShape?)null;
        string? agreement = null, title = null;
        Mission? mission = null;
        if (shape == DevelopmentShape.Agreement)
        {
            agreement = body.String("agreement", required: true, 64);
            if (agreement is not null && !DevelopmentFields.AgreementSlug().IsMatch(agreement))
                errors.Add("agreement", $"'{agreement}' is not an agreement slug: lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters");
            title = body.String("title", required: false, DevelopmentFields.MaxTitle);
        }
        else if (shape is not null)
        {
            if (body.Property("agreement", nullAllowed: true) is not null) errors.Add("agreement", $"only agreement types take an agreement, not {type}");
            if (body.Property("title", nullAllowed: true) is not null) errors.Add("title", $"only agreement types take a title, not {type}");
        }

        if (shape == DevelopmentShape.Mission)
        {
            if (body.Property("mission", required: true) is { } missionElement) mission = ParseMission(missionElement, relation, errors);
        }
        else if (shape is not null && body.Property("mission", nullAllowed: true) is not null)
        {
            errors.Add("mission", $"only MissionOpened and MissionClosed take a mission, not {type}");
        }

        if (shape is null)
        {
            foreach (var field in new[] { "agreement", "title", "mission" }) body.Property(field, nullAllowed: true);
        }
        body.RejectUnknownProperties();

        return errors.Any
            ? (null, errors)
            : (new RecordDevelopment(type!.Value, occurredOn!.Value, actor!, summary!, significance, sources!, agreement, title, mission), errors);
    }

    private static Mission? ParseMission(JsonElement element, RelationId relation, FieldErrors errors)
    {
        if (JsonObjectReader.ForObject(element, "mission", "mission", errors) is not { } mission) return null;
        var owner = mission.String("owner", required: true, 20);
        var kind = mission.String("kind", required: true, 20);
        var city = mission.String("city", required: true, DevelopmentFields.MaxCity);
        mission.RejectUnknownProperties();
        if (owner is not null && !relation.Involves(owner))
            errors.Add("mission.owner", $"'{owner}' is not one of the relation's actors ({relation.First}, {relation.Second}); the owner is the sending side");
        if (kind is not null && !Mission.Kinds.Contains(kind))
            errors.Add("mission.kind", $"'{kind}' is not a mission kind; use consulate or embassy");
        return owner is null || kind is null || city is null ? null : new Mission(owner, kind, city);
    }

    /// <summary>Decides on the relation's current state: an agreement needs its title the first time the relation sees it.</summary>
    public static Decision Decide(RecordDevelopment command, Relation? relation, Guid developmentId)
    {
        if (command.Agreement is { } slug && command.Title is null && relation?.KnowsAgreement(slug) != true)
            return Decision.Refuse(Problems.Validation("title", $"is required the first time agreement '{slug}' is recorded in this relation"));

        var recorded = DevelopmentRecorded.Blank(command.Type) with
        {
            DevelopmentId = developmentId,
            OccurredOn = command.OccurredOn,
            Actor = command.Actor,
            Summary = command.Summary,
            Significance = command.Significance,
            Sources = command.Sources,
        };
        recorded = recorded switch
        {
            AgreementDevelopment agreement => agreement with { Agreement = command.Agreement!, Title = command.Title },
            MissionDevelopment mission => mission with { Mission = command.Mission! },
            _ => recorded,
        };
        return Decision.Accept(recorded, done => new Created(
            $"{RouteRelation.PathOf(done.Relation)}/developments/{developmentId}",
            new RecordedAnswer(developmentId, done.Relation.ToString(), done.Version, done.RecordedAt.UtcDateTime)));
    }
}

public sealed record RecordedAnswer(Guid Id, string Relation, long Version, DateTime RecordedAt);
