using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Developments;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Developments;

/// <summary>
/// A development type as the catalogue defines it (docs/scoring.md): its CAMEO code and that code's description in
/// the Goldstein table, its weight, and what else a development of it needs (an agreement, a mission, or nothing).
/// </summary>
public sealed record CatalogueEntryView(
    [property: OneOf(WordLists.DevelopmentTypes)] string Type,
    string Cameo,
    string Description,
    double Weight,
    string Needs)
{
    public static CatalogueEntryView Of(CatalogueEntry entry) => new(
        entry.Type.ToString(),
        entry.Cameo,
        CameoScale.Codes.TryGetValue(entry.Cameo, out var code) ? code.Description : "",
        entry.Weight,
        entry.Shape switch { DevelopmentShape.Agreement => "agreement", DevelopmentShape.Mission => "mission", _ => "nothing more" });
}
