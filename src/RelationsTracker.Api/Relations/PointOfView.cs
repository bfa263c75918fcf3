using RelationsTracker.Api.Http;

namespace RelationsTracker.Api.Relations;

/// <summary>A bitemporal point of view: the relation as it stood at the end of asOf, counting what was recorded by knownAt.</summary>
public sealed record PointOfView(DateOnly AsOf, DateTimeOffset KnownAt, int HalfLifeDays)
{
    public static (PointOfView? View, FieldErrors Errors) Read(HttpRequest request, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var asOf = ReadParameters.Date(request, "asOf", errors) ?? clock.Today();
        var knownAt = ReadParameters.KnownAt(request, errors) ?? clock.GetUtcNow();
        var halfLife = ReadParameters.HalfLifeDays(request, errors);
        return errors.Any ? (null, errors) : (new PointOfView(asOf, knownAt, halfLife), errors);
    }
}
