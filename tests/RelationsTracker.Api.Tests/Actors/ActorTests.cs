using System.Net;
using System.Net.Http.Json;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

public class ActorTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task Put_creates_an_actor_then_renames_it_and_get_lists_it()
    {
        var id = NewActorId();

        var created = await Client.PutAsJsonAsync($"/api/actors/{id}", new { name = "Testland", description = "first" });
        await ExpectStatusAsync(created, HttpStatusCode.Created);
        Assert.Equal($"/api/actors/{id}", created.Headers.Location?.OriginalString);

        var renamed = await Client.PutAsJsonAsync($"/api/actors/{id}", new { name = "ليبيا الشرقية" });
        await ExpectStatusAsync(renamed, HttpStatusCode.OK);

        var all = await Client.GetFromJsonAsync<List<ActorDto>>("/api/actors");
        var actor = Assert.Single(all!, x => x.Id == id);
        Assert.Equal("ليبيا الشرقية", actor.Name);
        Assert.Null(actor.Description);
    }

    [Theory]
    [InlineData("tur")]
    [InlineData("TURK")]
    [InlineData("TUR-")]
    [InlineData("TUR-east")]
    [InlineData("TUR-ABCDEFGHIJKLMNOPQ")]
    public async Task A_malformed_id_is_a_400_and_creates_nothing(string id)
    {
        var response = await Client.PutAsJsonAsync($"/api/actors/{id}", new { name = "X" });
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, "id");
        var all = await Client.GetFromJsonAsync<List<ActorDto>>("/api/actors");
        Assert.DoesNotContain(all!, x => x.Id == id);
    }

    [Theory]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name": null}""", "name")]
    [InlineData("""{"name": ""}""", "name")]
    [InlineData("""{"name": "   "}""", "name")]
    [InlineData("""{"name": 42}""", "name")]
    [InlineData("""{"name": "X", "colour": "red"}""", "colour")]
    [InlineData("""[]""", "body")]
    [InlineData("""{"name": "X",""", "body")]
    public async Task A_bad_body_is_a_400_naming_the_field_and_creates_nothing(string body, string field)
    {
        var id = NewActorId();
        var response = await SendAsync(HttpMethod.Put, $"/api/actors/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
        var all = await Client.GetFromJsonAsync<List<ActorDto>>("/api/actors");
        Assert.DoesNotContain(all!, x => x.Id == id);
    }

    private sealed record ActorDto(string Id, string Name, string? Description);
}
