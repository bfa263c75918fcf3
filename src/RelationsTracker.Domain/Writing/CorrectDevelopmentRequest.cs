using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RelationsTracker.Writing;

/// <summary>The body of POST .../correction: a reason and at least one of occurredOn, type, significance, summary.</summary>
[AbsentNotNull]
public sealed record CorrectDevelopmentRequest
{
    [StringLength(DevelopmentFields.MaxReason, MinimumLength = 1)]
    public required string Reason { get; init; }

    [Description("YYYY, YYYY-MM or YYYY-MM-DD; a real date, not after today (UTC).")]
    [RegularExpression(DevelopmentFields.OccurrenceDatePattern)]
    public string? OccurredOn { get; init; }

    [Description("Another type of the same shape: an agreement type stays one, a mission type stays one.")]
    [OneOf(WordLists.DevelopmentTypes)]
    public string? Type { get; init; }

    [OneOf(WordLists.Significances)]
    public string? Significance { get; init; }

    [StringLength(DevelopmentFields.MaxSummary, MinimumLength = 1)]
    public string? Summary { get; init; }

    [Description("Its exact CAMEO event code, of the (corrected) type's root.")]
    [RegularExpression(@"^\d{3,4}$")]
    public string? Cameo { get; init; }

    public (CorrectDevelopment? Command, FieldErrors Errors) ToCommand(DateOnly today)
    {
        var errors = new FieldErrors();
        var reason = DevelopmentFields.Text(errors, "reason", Reason, required: true, DevelopmentFields.MaxReason);
        var occurredOn = DevelopmentFields.OccurredOn(errors, "occurredOn", OccurredOn, required: false, today);
        var type = DevelopmentFields.Type(errors, Type, required: false);
        var significance = DevelopmentFields.Significance(errors, Significance);
        var summary = DevelopmentFields.Text(errors, "summary", Summary, required: false, DevelopmentFields.MaxSummary);
        var cameo = DevelopmentFields.Cameo(errors, Cameo, type);
        if (!errors.Any && occurredOn is null && type is null && significance is null && summary is null && cameo is null)
            errors.Add("body", "names nothing to correct: give at least one of occurredOn, type, significance, summary, cameo");
        return errors.Any ? (null, errors) : (new CorrectDevelopment(reason!, occurredOn, type, significance, summary, cameo), errors);
    }
}
