using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Developments;
using Wolverine.Http;

namespace RelationsTracker.Api.Developments;

/// <summary>The development types a write takes, for a form or a client to offer them with their codes and weights.</summary>
[Tags("Developments")]
public static class CatalogueEndpoint
{
    private static readonly IReadOnlyList<CatalogueEntryView> Entries = [.. Catalogue.Entries.Select(CatalogueEntryView.Of)];

    [WolverineGet("/api/catalogue", OperationId = "getCatalogue", Summary = "The catalogue: every development type with its CAMEO code, description, weight and what it needs")]
    [ProducesResponseType<IReadOnlyList<CatalogueEntryView>>(StatusCodes.Status200OK)]
    public static Task<IResult> Get() => Task.FromResult<IResult>(TypedResults.Ok(Entries));
}
