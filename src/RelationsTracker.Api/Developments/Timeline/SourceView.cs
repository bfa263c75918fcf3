using RelationsTracker.Developments;

namespace RelationsTracker.Api.Developments.Timeline;

public sealed record SourceView(string? Url, string? Citation, string? Publisher, string? PublishedOn, string? Language)
{
    public static SourceView Of(Source s) => new(s.Url, s.Citation, s.Publisher, s.PublishedOn?.ToString(), s.Language);
}
