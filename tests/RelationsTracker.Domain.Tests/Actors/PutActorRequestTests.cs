using RelationsTracker.Actors;

namespace RelationsTracker.Domain.Tests;

public class PutActorRequestTests
{
    [Fact]
    public void An_actor_keeps_its_name_description_and_each_gdelt_marker_once()
    {
        var request = new PutActorRequest
        {
            Name = "Libya (eastern authorities)", Description = "The House of Representatives and the LNA",
            Gdelt = new GdeltMappingRequest { Country = "LBY", Markers = ["HAFTAR", "HAFTAR", "LNA"] },
        };

        var (actor, errors) = request.ToActor("LBY-EAST");

        Assert.False(errors.Any);
        Assert.Equal(("LBY-EAST", "Libya (eastern authorities)", "The House of Representatives and the LNA"), (actor!.Id, actor.Name, actor.Description));
        Assert.Equal("LBY", actor.Gdelt!.Country);
        Assert.Equal(["HAFTAR", "LNA"], actor.Gdelt.Markers);
    }

    [Fact]
    public void Each_bad_field_of_the_actor_and_its_mapping_is_named_and_no_actor_is_made()
    {
        var request = new PutActorRequest
        {
            Name = "", Gdelt = new GdeltMappingRequest { Country = "ly", Markers = ["", new string('x', GdeltMappingRequest.MaxMarker + 1)] },
        };

        var (actor, errors) = request.ToActor("LBY-EAST");

        Assert.Null(actor);
        var named = errors.ToDictionary();
        Assert.Equal(["gdelt.country", "gdelt.markers[0]", "gdelt.markers[1]", "name"], named.Keys.Order());
        Assert.Equal("'ly' is not a GDELT country code (three capital letters)", Assert.Single(named["gdelt.country"]));
    }

    [Fact]
    public void A_mapping_with_more_markers_than_it_takes_is_refused()
    {
        var request = new PutActorRequest
        {
            Name = "Turkey", Gdelt = new GdeltMappingRequest { Country = "TUR", Markers = Enumerable.Range(0, GdeltMappingRequest.MaxMarkers + 1).Select(i => $"M{i}").ToList() },
        };

        var (_, errors) = request.ToActor("TUR");

        Assert.Equal($"must have at most {GdeltMappingRequest.MaxMarkers} items (it has {GdeltMappingRequest.MaxMarkers + 1})", Assert.Single(errors.ToDictionary()["gdelt.markers"]));
    }
}
