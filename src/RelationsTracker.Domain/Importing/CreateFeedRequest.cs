using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Writing;

namespace RelationsTracker.Importing;

/// <summary>The body of POST /api/feeds: the GDELT index to follow, how often, and whether each export is all or nothing.</summary>
[AbsentNotNull]
public sealed record CreateFeedRequest
{
    [Description("An absolute http(s) URL of a GDELT index: each line 'size md5 url', as GDELT's http://data.gdeltproject.org/gdeltv2/lastupdate.txt. The host rules of webhook callbacks apply (Tracker:Imports:AllowedHosts).")]
    [StringLength(DevelopmentFields.MaxUrl, MinimumLength = 1)]
    public required string Url { get; init; }

    [Description("How often the index is read, in seconds (default 900: GDELT publishes every 15 minutes); at least Tracker:Imports:MinimumFeedIntervalSeconds, at most a day.")]
    [Range(1, MaxIntervalSeconds)]
    public int? IntervalSeconds { get; init; }

    [Description("true: each export records nothing at all if any of its rows is bad.")]
    public bool? Atomic { get; init; }

    public const int DefaultIntervalSeconds = 15 * 60;
    public const int MaxIntervalSeconds = 24 * 60 * 60;

    /// <summary>The feed, when every field passes; else each bad field's error.</summary>
    /// <param name="hostRefusal">Why the index's host may not be downloaded from, or null (the host's rules).</param>
    public (Feed? Feed, FieldErrors Errors) ToFeed(DateTimeOffset now, Func<Uri, string?> hostRefusal, int minimumIntervalSeconds)
    {
        var errors = new FieldErrors();
        var url = DevelopmentFields.Text(errors, "url", Url, required: true, DevelopmentFields.MaxUrl);
        if (url is not null && !DevelopmentFields.IsWebUrl(url)) errors.Add("url", "must be an absolute http or https URL");
        else if (url is not null && hostRefusal(new Uri(url)) is { } refusal) errors.Add("url", refusal);
        var interval = IntervalSeconds ?? DefaultIntervalSeconds;
        if (interval < minimumIntervalSeconds || interval > MaxIntervalSeconds)
            errors.Add("intervalSeconds", $"must be {minimumIntervalSeconds:N0} to {MaxIntervalSeconds:N0} seconds (Tracker:Imports:MinimumFeedIntervalSeconds is the least)");
        if (errors.Any) return (null, errors);
        return (new Feed
        {
            Id = Guid.CreateVersion7(),
            Url = url!,
            IntervalSeconds = interval,
            Atomic = Atomic ?? false,
            CreatedAt = now,
            NextCheckAt = now,
        }, errors);
    }
}
