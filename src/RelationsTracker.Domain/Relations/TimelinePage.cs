using RelationsTracker.Developments;

namespace RelationsTracker.Relations;

/// <summary>
/// One page of a relation's timeline as known at a moment: its developments in occurrence order, and where the next
/// page starts (null: this page is the last).
/// </summary>
public sealed record TimelinePage(IReadOnlyList<Guid> Developments, TimelinePosition? Next)
{
    /// <summary>
    /// The developments known at <paramref name="knownAt"/> with an effective date from <paramref name="from"/> to
    /// <paramref name="to"/> (either open), after <paramref name="after"/> (a cursor's position), that match
    /// <paramref name="filter"/> as they read at knownAt: at most <paramref name="limit"/>.
    /// </summary>
    public static TimelinePage Of(RelationTimeline timeline, DateTimeOffset knownAt, DateOnly? from, DateOnly? to,
        TimelinePosition? after, TimelineFilter filter, int limit)
    {
        var page = timeline.Developments
            .Select(d => (d, facts: d.FieldsKnownAt(knownAt)))
            .Where(x => x.facts is not null
                        && (from is null || x.facts.EffectiveDate >= from)
                        && (to is null || x.facts.EffectiveDate <= to)
                        && (after is null || after.IsBefore(x.facts))
                        && filter.Matches(x.d, x.facts))
            .OrderBy(x => x.facts!, DevelopmentFacts.Chronological)
            .Take(limit + 1)
            .ToList();
        var next = page.Count > limit ? TimelinePosition.Of(page[limit - 1].facts!) : null;
        return new TimelinePage(page.Take(limit).Select(x => x.d.Id).ToList(), next);
    }
}
