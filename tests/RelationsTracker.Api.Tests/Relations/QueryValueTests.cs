using System.Net;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>
/// The read routes' query values are bound by Wolverine into typed values; one that does not parse is a 400 whose
/// errors name it with its type's reason, as every other 400 of the API does.
/// </summary>
public class QueryValueTests(TrackerApp app) : TrackerTest(app)
{
    [Theory]
    [InlineData("", "?asOf=2025-9-1", "asOf", "'2025-9-1' is not a calendar date YYYY-MM-DD (year 1000 or later)")]
    [InlineData("", "?knownAt=2025-09-01T10:00:00", "knownAt", "'2025-09-01T10:00:00' is not an instant such as 2025-09-01T12:00:00Z (ISO 8601 with Z or an offset)")]
    [InlineData("", "?halfLifeDays=%2B90", "halfLifeDays", "'+90' is not a whole number of days from 1 to 3650")]
    [InlineData("/score", "?step=year", "step", "'year' is not a step; use day, week or month")]
    [InlineData("/developments", "?to=tomorrow", "to", "'tomorrow' is not a calendar date YYYY-MM-DD (year 1000 or later)")]
    [InlineData("", "?asOf=2025-01-01&asOf=2025-01-02", "asOf", "is given more than once")]
    [InlineData("", "?asOf=", "asOf", "'' is not a calendar date YYYY-MM-DD (year 1000 or later)")]
    [InlineData("/score", "?halfLifeDays=", "halfLifeDays", "'' is not a whole number of days from 1 to 3650")]
    public async Task A_query_value_that_does_not_parse_is_named_with_its_reason(string route, string query, string field, string reason)
    {
        var (a, b) = await CreateRelationAsync();

        var problem = await ExpectProblemAsync(await Client.GetAsync($"/api/relations/{a}/{b}{route}{query}"), HttpStatusCode.BadRequest, field);

        Assert.Equal([reason], problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("One or more validation errors occurred.", problem["title"]!.GetValue<string>());
        Assert.Null(problem["parameter"]);
    }

    [Fact]
    public async Task An_empty_value_of_a_parameter_the_route_does_not_take_is_ignored_as_before()
    {
        var (a, b) = await CreateRelationAsync();

        var state = await GetJsonAsync($"/api/relations/{a}/{b}?to=&step=");

        Assert.Equal($"{a}~{b}", state["relation"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_instant_with_an_unencoded_plus_is_read_with_its_offset()
    {
        var (a, b) = await CreateRelationAsync();

        var state = await GetJsonAsync($"/api/relations/{a}/{b}?knownAt=2025-09-01T12:00:00+02:00");

        Assert.Equal(new DateTime(2025, 9, 1, 10, 0, 0, DateTimeKind.Utc), state["knownAt"]!.GetValue<DateTime>().ToUniversalTime());
    }
}
