using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Developments;

namespace RelationsTracker.Writing;

/// <summary>The body of POST .../developments/{id}/reports: the stance, the source, and its words if quoted.</summary>
[AbsentNotNull]
public sealed record ReportRequest
{
    [Description("confirms or disputes")]
    [OneOf(WordLists.Stances)]
    public required string Stance { get; init; }

    [Description("The source that reports it: a url or a citation (or both), its publisher, when, in which language.")]
    public required SourceRequest Source { get; init; }

    [Description("What the source says, in its own language (up to 2,000 characters).")]
    [StringLength(MaxQuote, MinimumLength = 1)]
    public string? Quote { get; init; }

    [Description("The quote's translation.")]
    [StringLength(MaxQuote, MinimumLength = 1)]
    public string? Translation { get; init; }

    public const int MaxQuote = 2000;

    public (ReportDevelopment? Command, FieldErrors Errors) ToCommand(DateOnly today, Guid reportId)
    {
        var errors = new FieldErrors();
        ReportStance? stance = Stance switch { "confirms" => ReportStance.Confirms, "disputes" => ReportStance.Disputes, _ => null };
        if (stance is null) errors.Add("stance", $"'{Stance}' is not a stance; use confirms or disputes");
        var sources = Source is null ? null : DevelopmentFields.Sources(errors, [Source], required: true, today);
        if (Source is null) errors.Add("source", "is required");
        var quote = DevelopmentFields.Text(errors, "quote", Quote, required: false, MaxQuote);
        var translation = DevelopmentFields.Text(errors, "translation", Translation, required: false, MaxQuote);
        if (errors.Any) return (null, Renamed(errors));
        return (new ReportDevelopment(reportId, stance!.Value, sources![0], quote, translation), errors);
    }

    // The source is checked as a one-item list of sources; its errors are named as this body's field, source.
    private static FieldErrors Renamed(FieldErrors errors)
    {
        var renamed = new FieldErrors();
        foreach (var (field, messages) in errors.ToDictionary())
            foreach (var message in messages)
                renamed.Add(field.StartsWith("sources[0]", StringComparison.Ordinal) ? "source" + field["sources[0]".Length..] : field == "sources" ? "source" : field, message);
        return renamed;
    }
}
