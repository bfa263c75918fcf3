using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace RelationsTracker.Writing;

/// <summary>A report of a development, as a write request gives it; <see cref="DevelopmentFields.Sources"/> checks it.</summary>
[AbsentNotNull]
public sealed record SourceRequest
{
    [Description("An absolute http(s) URL of the report. A source needs a url or a citation, or both.")]
    [StringLength(DevelopmentFields.MaxUrl, MinimumLength = 1)]
    public string? Url { get; init; }

    [Description("A print or archived report, as free text.")]
    [StringLength(DevelopmentFields.MaxCitation, MinimumLength = 1)]
    public string? Citation { get; init; }

    [StringLength(DevelopmentFields.MaxPublisher, MinimumLength = 1)]
    public string? Publisher { get; init; }

    [Description("YYYY, YYYY-MM or YYYY-MM-DD; not after today (UTC).")]
    [RegularExpression(DevelopmentFields.OccurrenceDatePattern)]
    public string? PublishedOn { get; init; }

    [Description("A language tag such as ar or en-GB.")]
    [RegularExpression(DevelopmentFields.LanguageTagPattern)]
    public string? Language { get; init; }
}
