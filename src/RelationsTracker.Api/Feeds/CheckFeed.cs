using Wolverine.Attributes;

namespace RelationsTracker.Api.Feeds;

/// <summary>
/// Read the feed's index now and import what is new. <paramref name="Round"/> is the scheduled round it is (the
/// handler schedules the next); null for a check asked for by hand, which leaves the schedule as it is.
/// </summary>
[MessageIdentity("RelationsTracker.Api.Feeds.CheckFeed")]
public sealed record CheckFeed(Guid FeedId, int? Round);
