using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Developments;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Developments.Timeline;

/// <summary>A report on a development as the API shows it: its stance, source and quote, and when it was recorded.</summary>
public sealed record ReportView(Guid Id, DateTime RecordedAt, [property: OneOf(WordLists.Stances)] string Stance, SourceView Source, string? Quote, string? Translation)
{
    public static ReportView Of(Report r) =>
        new(r.Id, r.RecordedAt.UtcDateTime, r.Stance.ToString().ToLowerInvariant(), SourceView.Of(r.Source), r.Quote, r.Translation);
}
