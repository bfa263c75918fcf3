using Marten;
using RelationsTracker.Api.Relations;
using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Developments.Timeline;

/// <summary>
/// Developments shown whole: a timeline holds what readings need of each (<see cref="DevelopmentHistory"/>), and the
/// few a page or a digest shows are read from their documents, sources, evidence and reports included.
/// </summary>
public static class DevelopmentViews
{
    /// <summary>The views of these developments, in the order given (one whose document a rebuild removed meanwhile is left out).</summary>
    public static async Task<IReadOnlyList<DevelopmentView>> LoadAsync(IQuerySession session, IEnumerable<Guid> ids, PointOfView view, CancellationToken ct)
    {
        var order = ids.ToList();
        if (order.Count == 0) return [];
        var documents = (await session.LoadManyAsync<Development>(ct, order)).ToDictionary(d => d.Id);
        return [.. order.Where(documents.ContainsKey).Select(id => DevelopmentView.Of(documents[id], view)!)];
    }
}
