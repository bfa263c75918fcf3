using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Infrastructure;
using RelationsTracker.Api.Infrastructure.OpenApi;
using RelationsTracker.Developments;
using RelationsTracker.Relations;
using Wolverine.Http;

namespace RelationsTracker.Api.Relations.Recording;

/// <summary>An analyst records a development in a relation (api.md, "Recording a development").</summary>
[Tags("Developments")]
public static class RecordDevelopmentEndpoint
{
    [WolverinePost("/api/relations/{a}/{b}/developments", OperationId = "recordDevelopment", Summary = "Records a development in a relation")]
    [Parameters(ApiParameters.ActorA, ApiParameters.ActorB, ApiParameters.IfMatchHeader, ApiParameters.IdempotencyKey)]
    [JsonRequestBody(typeof(RecordDevelopmentBody))]
    [ProducesResponseType<RecordedAnswer>(StatusCodes.Status201Created, Description = "Recorded (or, under the same Idempotency-Key, recorded before)")]
    [ResponseHeader(StatusCodes.Status201Created, "Location")]
    [ResponseHeader(StatusCodes.Status201Created, "Idempotent-Replayed")]
    [Problems(400, 404, 412, 413, 415, 422, 503)]
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
        var actor = body.String("actor", required: true, DevelopmentFields.MaxActor);
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

    /// <summary>
    /// A plain development (no agreement, no mission) with one source or none, given as text, when it passes every
    /// check of <see cref="Parse"/>; null when any check fails or the type is not plain. The import comes this way
    /// for each row, rather than writing the row as JSON to read it back; a row this refuses goes through
    /// <see cref="Parse"/> after all, which says why. A test holds the two to the same answers.
    /// </summary>
    public static RecordDevelopment? TryPlain(RelationId relation, string type, string occurredOn, string actor, string summary,
        string? significance, SourceText? source, DateOnly today)
    {
        if (!Catalogue.TryParseType(type, out var developmentType) || Catalogue.Of(developmentType).Shape != DevelopmentShape.Plain) return null;
        if (!IsDate(occurredOn, today, out var occurred)) return null;
        if (JsonObjectReader.TextProblem(actor, DevelopmentFields.MaxActor) is not null || !relation.Involves(actor)) return null;
        if (JsonObjectReader.TextProblem(summary, DevelopmentFields.MaxSummary) is not null) return null;
        var parsedSignificance = Significance.Normal;
        if (significance is not null && (JsonObjectReader.TextProblem(significance, DevelopmentFields.MaxSignificance) is not null || !SignificanceScale.TryParse(significance, out parsedSignificance))) return null;

        // Parse refuses a development without a source.
        if (source is not { } s || (s.Url is null && s.Citation is null)) return null;
        if (s.Url is not null && (JsonObjectReader.TextProblem(s.Url, DevelopmentFields.MaxUrl) is not null || !DevelopmentFields.IsWebUrl(s.Url))) return null;
        if (s.Citation is not null && JsonObjectReader.TextProblem(s.Citation, DevelopmentFields.MaxCitation) is not null) return null;
        OccurrenceDate? publishedOn = null;
        if (s.PublishedOn is not null)
        {
            if (!IsDate(s.PublishedOn, today, out var published)) return null;
            publishedOn = published;
        }

        return new RecordDevelopment(developmentType, occurred, actor, summary, parsedSignificance,
            [new Source { Url = s.Url, Citation = s.Citation, PublishedOn = publishedOn }], null, null, null);

        static bool IsDate(string text, DateOnly today, out OccurrenceDate date)
        {
            date = default;
            return JsonObjectReader.TextProblem(text, DevelopmentFields.MaxDate) is null && OccurrenceDate.TryParse(text, out date) && date.EffectiveDate <= today;
        }
    }

    /// <summary>A source as text, as an import row gives it.</summary>
    public readonly record struct SourceText(string? Url, string? Citation, string? PublishedOn);

    private static Mission? ParseMission(JsonElement element, RelationId relation, FieldErrors errors)
    {
        if (JsonObjectReader.ForObject(element, "mission", "mission", errors) is not { } mission) return null;
        var owner = mission.String("owner", required: true, DevelopmentFields.MaxActor);
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

/// <summary>The answer to a write: the development, its relation, the relation's version after it, and when it was recorded (pass it as knownAt to include it).</summary>
public sealed record RecordedAnswer(Guid Id, string Relation, long Version, DateTime RecordedAt);

/// <summary>The body of POST .../developments as the OpenAPI document describes it; <see cref="RecordDevelopment.Parse"/> reads it field by field.</summary>
[AbsentNotNull]
public sealed class RecordDevelopmentBody
{
    [Description("The development's type: an exact, case-sensitive name from the catalogue (scoring.md).")]
    [OneOf(AllowedNames.DevelopmentTypes)]
    public required string Type { get; init; }

    [Description("When it occurred: YYYY, YYYY-MM or YYYY-MM-DD (the form sets the precision); a real date, year 1000 or later, not after today (UTC).")]
    [RegularExpression(DevelopmentFields.OccurrenceDatePattern)]
    public required string OccurredOn { get; init; }

    [Description("Who acted: one of the relation's two actors.")]
    [RegularExpression(ActorId.PatternText)]
    public required string Actor { get; init; }

    [StringLength(DevelopmentFields.MaxSummary, MinimumLength = 1)]
    public required string Summary { get; init; }

    [Description("Default: normal.")]
    [OneOf(AllowedNames.Significances)]
    public string? Significance { get; init; }

    [MinLength(1), MaxLength(DevelopmentFields.MaxSources)]
    public required IReadOnlyList<SourceBody> Sources { get; init; }

    [Description("Agreement types only, and required for them: the agreement's slug.")]
    [RegularExpression(DevelopmentFields.AgreementSlugPattern)]
    public string? Agreement { get; init; }

    [Description("Agreement types only: the agreement's title, required the first time the relation sees its slug.")]
    [StringLength(DevelopmentFields.MaxTitle, MinimumLength = 1)]
    public string? Title { get; init; }

    [Description("MissionOpened and MissionClosed only, and required for them.")]
    public MissionBody? Mission { get; init; }
}
