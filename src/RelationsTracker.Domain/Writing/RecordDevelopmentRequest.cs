using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Writing;

/// <summary>The body of POST .../developments; <see cref="ToCommand"/> checks every field, for the POST, the import and the demo alike.</summary>
[AbsentNotNull]
public sealed record RecordDevelopmentRequest
{
    [Description("The development's type: an exact, case-sensitive name from the catalogue (scoring.md).")]
    [OneOf(WordLists.DevelopmentTypes)]
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
    [OneOf(WordLists.Significances)]
    public string? Significance { get; init; }

    [MinLength(1), MaxLength(DevelopmentFields.MaxSources)]
    public required IReadOnlyList<SourceRequest> Sources { get; init; }

    [Description("Agreement types only, and required for them: the agreement's slug.")]
    [RegularExpression(DevelopmentFields.AgreementSlugPattern)]
    public string? Agreement { get; init; }

    [Description("Agreement types only: the agreement's title, required the first time the relation sees its slug.")]
    [StringLength(DevelopmentFields.MaxTitle, MinimumLength = 1)]
    public string? Title { get; init; }

    [Description("MissionOpened and MissionClosed only, and required for them.")]
    public MissionRequest? Mission { get; init; }

    [Description("Its exact CAMEO event code, of the type's CAMEO root (scoring.md, \"Catalogue version 2\"): the development then weighs that code's Goldstein value.")]
    [RegularExpression(@"^\d{3,4}$")]
    public string? Cameo { get; init; }

    /// <summary>The command, when every field passes; else each bad field's error.</summary>
    public (RecordDevelopment? Command, FieldErrors Errors) ToCommand(RelationId relation, DateOnly today)
    {
        var errors = new FieldErrors();
        var type = DevelopmentFields.Type(errors, Type, required: true);
        var occurredOn = DevelopmentFields.OccurredOn(errors, "occurredOn", OccurredOn, required: true, today);
        var actor = DevelopmentFields.Text(errors, "actor", Actor, required: true, DevelopmentFields.MaxActor);
        var summary = DevelopmentFields.Text(errors, "summary", Summary, required: true, DevelopmentFields.MaxSummary);
        var significance = DevelopmentFields.Significance(errors, Significance) ?? RelationsTracker.Developments.Significance.Normal;
        var sources = DevelopmentFields.Sources(errors, Sources, required: true, today);
        var cameo = DevelopmentFields.Cameo(errors, Cameo, type);
        if (actor is not null && !relation.Involves(actor))
            errors.Add("actor", $"'{actor}' is not one of the relation's actors ({relation.First}, {relation.Second})");

        // Which extra fields are allowed depends on the type's shape; with no valid type, only the type is reported.
        var shape = type is { } t ? Catalogue.Of(t).Shape : (DevelopmentShape?)null;
        string? agreement = null, title = null;
        if (shape == DevelopmentShape.Agreement)
        {
            agreement = DevelopmentFields.Text(errors, "agreement", Agreement, required: true, 64);
            if (agreement is not null && !DevelopmentFields.AgreementSlug().IsMatch(agreement))
                errors.Add("agreement", $"'{agreement}' is not an agreement slug: lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters");
            title = DevelopmentFields.Text(errors, "title", Title, required: false, DevelopmentFields.MaxTitle);
        }
        else if (shape is not null)
        {
            if (Agreement is not null) errors.Add("agreement", $"only agreement types take an agreement, not {type}");
            if (Title is not null) errors.Add("title", $"only agreement types take a title, not {type}");
        }
        Mission? mission = null;
        if (shape == DevelopmentShape.Mission) mission = MissionOf(relation, errors);
        else if (shape is not null && Mission is not null) errors.Add("mission", $"only MissionOpened and MissionClosed take a mission, not {type}");

        return errors.Any
            ? (null, errors)
            : (new RecordDevelopment(type!.Value, occurredOn!.Value, actor!, summary!, significance, sources!, agreement, title, mission, cameo), errors);
    }

    private Mission? MissionOf(RelationId relation, FieldErrors errors)
    {
        if (Mission is null)
        {
            errors.Add("mission", "is required");
            return null;
        }
        var owner = DevelopmentFields.Text(errors, "mission.owner", Mission.Owner, required: true, DevelopmentFields.MaxActor);
        var kind = DevelopmentFields.Text(errors, "mission.kind", Mission.Kind, required: true, 20);
        var city = DevelopmentFields.Text(errors, "mission.city", Mission.City, required: true, DevelopmentFields.MaxCity);
        if (owner is not null && !relation.Involves(owner))
            errors.Add("mission.owner", $"'{owner}' is not one of the relation's actors ({relation.First}, {relation.Second}); the owner is the sending side");
        if (kind is not null && !RelationsTracker.Developments.Mission.Kinds.Contains(kind))
            errors.Add("mission.kind", $"'{kind}' is not a mission kind; use consulate or embassy");
        return owner is null || kind is null || city is null ? null : new Mission(owner, kind, city);
    }
}
