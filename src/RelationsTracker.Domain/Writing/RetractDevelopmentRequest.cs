using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RelationsTracker.Writing;

/// <summary>The body of POST .../retraction: why, and the reports that withdraw it.</summary>
[AbsentNotNull]
public sealed record RetractDevelopmentRequest
{
    [StringLength(DevelopmentFields.MaxReason, MinimumLength = 1)]
    public required string Reason { get; init; }

    [Description("The reports that withdraw it, if any.")]
    [MaxLength(DevelopmentFields.MaxSources)]
    public IReadOnlyList<SourceRequest>? Sources { get; init; }

    public (RetractDevelopment? Command, FieldErrors Errors) ToCommand(DateOnly today)
    {
        var errors = new FieldErrors();
        var reason = DevelopmentFields.Text(errors, "reason", Reason, required: true, DevelopmentFields.MaxReason);
        var sources = DevelopmentFields.Sources(errors, Sources, required: false, today) ?? [];
        return errors.Any ? (null, errors) : (new RetractDevelopment(reason!, sources), errors);
    }
}
