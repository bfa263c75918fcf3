using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Api.Http.OpenApi;

namespace RelationsTracker.Api.Developments.Correcting;

/// <summary>
/// The body of POST .../correction as the OpenAPI document describes it (at least one of occurredOn, type,
/// significance, summary); <see cref="CorrectDevelopmentRequest.Parse"/> reads it field by field.
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
