using System.Text.Json;
using RelationsTracker.Api.Http;
using RelationsTracker.Developments;
using RelationsTracker.Relations;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Developments.Recording;

/// <summary>The request to record a development, parsed and checked field by field into a <see cref="RecordDevelopment"/>.</summary>
public static class RecordDevelopmentRequest
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
}
