using RelationsTracker.Api.Http;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// The query parameters the notification stream reads itself (relation, kinds, lastEventId): a bad one is a 400 naming
/// it, never a guess. The read routes' parameters are bound by Wolverine (<see cref="PointOfViewQuery"/>).
/// </summary>
public static class ReadParameters
{
    /// <summary>The parameter's one value; given twice is an error.</summary>
    public static string? Single(HttpRequest request, string name, FieldErrors errors)
    {
        if (!request.Query.TryGetValue(name, out var values)) return null;
        if (values.Count > 1)
        {
            errors.Add(name, "is given more than once");
            return null;
        }
        return values[0];
    }
}
