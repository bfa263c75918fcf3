using System.Net;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests.Dashboard;

/// <summary>The dashboard's static files: served at /, with their headers, past the security middleware.</summary>
public class DashboardPageTests(TrackerApp app) : TrackerTest(app)
{
    [Fact]
    public async Task The_page_is_served_at_the_root_with_the_ids_the_browser_test_uses()
    {
        var response = await Client.GetAsync("/");
        await ExpectStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var id in new[] { "relations", "asof", "asof-slider", "knownat", "phase", "score", "shown-asof", "shown-knownat", "chart", "timeline", "live" })
            Assert.Contains($"id=\"{id}\"", html);
        Assert.Contains("<script src=\"app.js\" defer></script>", html);

        // Only its own files, nothing inline, never framed.
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/index.html", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task Its_files_are_served_with_their_types(string path, string mediaType)
    {
        var response = await Client.GetAsync(path);
        await ExpectStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_page_loads_without_a_key_even_when_reads_need_one_while_the_api_still_asks_for_it()
    {
        await using var closed = TrackerApp.HostOn(App.ConnectionString, requireKeyForReads: true);
        var anonymous = closed.CreateClient();
        await ExpectStatusAsync(await anonymous.GetAsync("/"), HttpStatusCode.OK);
        await ExpectStatusAsync(await anonymous.GetAsync("/app.js"), HttpStatusCode.OK);
        await ExpectProblemAsync(await anonymous.GetAsync("/api/relations"), HttpStatusCode.Unauthorized);
        var (a, b) = await CreateRelationAsync();
        await ExpectProblemAsync(await anonymous.GetAsync($"/api/relations/{a}/{b}/score.svg"), HttpStatusCode.Unauthorized);
        await ExpectStatusAsync(await TrackerApp.ClientFor(closed).GetAsync($"/api/relations/{a}/{b}/score.svg"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_file_that_is_not_there_is_a_404_and_nothing_outside_the_page_folder_is_served()
    {
        await ExpectStatusAsync(await Client.GetAsync("/nothing-here.js"), HttpStatusCode.NotFound);
        await ExpectStatusAsync(await Client.GetAsync("/../appsettings.json"), HttpStatusCode.NotFound);
        await ExpectStatusAsync(await Client.GetAsync("/%2e%2e/appsettings.json"), HttpStatusCode.NotFound);
        await ExpectStatusAsync(await Client.GetAsync("/Seeding/demo-history.json"), HttpStatusCode.NotFound);
    }
}
