using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Writing;

namespace RelationsTracker.Actors;

/// <summary>An actor's GDELT mapping as PUT /api/actors/{id} gives it.</summary>
[AbsentNotNull]
public sealed record GdeltMappingRequest
{
    public const int MaxMarkers = 20;
    public const int MaxMarker = 100;

    [Description("GDELT's three-letter CountryCode of the actor's rows (TUR, LBY).")]
    [RegularExpression("^[A-Z]{3}$")]
    public required string Country { get; init; }

    [Description("Only rows whose actor code, group or name contains one of these (ignoring case), e.g. HAFTAR; absent or empty: every row of the country.")]
    [MaxLength(MaxMarkers)]
    public IReadOnlyList<string>? Markers { get; init; }

    public GdeltMapping? Check(FieldErrors errors)
    {
        var country = DevelopmentFields.Text(errors, "gdelt.country", Country, required: true, 3);
        if (country is not null && !(country.Length == 3 && country.All(char.IsAsciiLetterUpper)))
            errors.Add("gdelt.country", $"'{country}' is not a GDELT country code (three capital letters)");
        var markers = Markers ?? [];
        if (markers.Count > MaxMarkers) errors.Add("gdelt.markers", $"must have at most {MaxMarkers} items (it has {markers.Count})");
        for (var i = 0; i < markers.Count; i++)
            DevelopmentFields.Text(errors, $"gdelt.markers[{i}]", markers[i], required: true, MaxMarker);
        return errors.Any ? null : new GdeltMapping(country!, markers.Distinct().ToList());
    }
}
