using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Developments.Recording;

/// <summary>The body of POST .../developments as the OpenAPI document describes it; <see cref="RecordDevelopmentRequest.Parse"/> reads it field by field.</summary>
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
