using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json: valid, complete (every endpoint the app maps), and saying what api.md says.</summary>
public partial class OpenApiTests(TrackerApp app) : TrackerTest(app)
{
    private const string DocumentRoute = "/openapi/v1.json";

    /// <summary>
    /// Routes whose endpoint never refuses a request itself: the health probes (200 or 503 in plain text) and the
    /// list of actors (no parameters). Every other route must describe the 4xx problems it answers.
    /// </summary>
    private static readonly HashSet<string> CannotFailWithAProblem = ["GET /health/live", "GET /health/ready", "GET /api/actors", "GET /api/imports", "GET /api/feeds", "GET /api/catalogue"];

    /// <summary>What the API key and rate limit middleware answer on every route under /api, whatever the endpoint.</summary>
    private static readonly HashSet<string> MiddlewareProblems = ["401", "429"];

    private async Task<JsonObject> DocumentAsync()
    {
        var response = await Client.GetAsync(DocumentRoute);
        await ExpectStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await ReadJsonAsync(response)).AsObject();
    }

    [Fact]
    public async Task The_document_is_valid_OpenAPI_3_0()
    {
        await using var stream = await Client.GetStreamAsync(DocumentRoute);
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetDefaultRuleSet() };
        var (document, diagnostic) = await OpenApiDocument.LoadAsync(stream, "json", settings);

        Assert.NotNull(document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, diagnostic!.SpecificationVersion);
        var errors = diagnostic.Errors.Concat(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []).Select(e => $"{e.Pointer}: {e.Message}").ToList();
        Assert.True(errors.Count == 0, "The OpenAPI document is not valid:\n" + string.Join("\n", errors));
        Assert.True(diagnostic.Warnings.Count == 0, "The OpenAPI reader warns:\n" + string.Join("\n", diagnostic.Warnings.Select(w => $"{w.Pointer}: {w.Message}")));
    }

    /// <summary>
    /// The conformance test: every endpoint the app maps (but the document itself and static files) is in the document,
    /// with an operation id, a success answer and its problem answers; and the document describes nothing the app
    /// does not map. A route added without metadata fails here, saying what to add.
    /// </summary>
    /// <summary>
    /// What Redocly's recommended rules (scripts/lint-openapi.sh) refused before: a "nullable" without a type beside it,
    /// an empty list of servers, an operation without security. And the problem bodies' schemas say what they hold.
    /// </summary>
    [Fact]
    public async Task The_document_passes_the_linters_rules_and_describes_the_problem_bodies()
    {
        var document = await DocumentAsync();

        var untyped = ObjectsWith(document, "nullable").Where(o => o["type"] is null).Select(o => o.GetPath()).ToList();
        Assert.True(untyped.Count == 0, "nullable without type at " + string.Join(", ", untyped));
        Assert.NotEmpty(document["servers"]!.AsArray());
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
            Assert.True(operation!["security"] is JsonArray { Count: > 0 }, $"{method} {path} says nothing of security");

        var schemas = document["components"]!["schemas"]!;
        Assert.NotNull(schemas["ProblemDetails"]!["properties"]!["traceId"]);
        Assert.NotNull(schemas["HttpValidationProblemDetails"]!["properties"]!["traceId"]);
        Assert.NotNull(schemas["HttpValidationProblemDetails"]!["properties"]!["errors"]);
        Assert.NotNull(schemas["PreconditionFailedProblemDetails"]!["properties"]!["currentVersion"]);
        var precondition = document["paths"]!["/api/relations/{a}/{b}/developments"]!["post"]!["responses"]!["412"]!;
        Assert.Equal("#/components/schemas/PreconditionFailedProblemDetails", precondition["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    private static IEnumerable<JsonObject> ObjectsWith(JsonNode? node, string property)
    {
        switch (node)
        {
            case JsonObject o:
                if (o.ContainsKey(property)) yield return o;
                foreach (var (_, child) in o)
                foreach (var found in ObjectsWith(child, property)) yield return found;
                break;
            case JsonArray a:
                foreach (var child in a)
                foreach (var found in ObjectsWith(child, property)) yield return found;
                break;
        }
    }

    [Fact]
    public async Task Every_endpoint_is_in_the_document_with_its_problem_responses()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var mapped = MappedRoutes();
        var missing = new List<string>();

        foreach (var (method, path) in mapped)
        {
            var route = $"{method} {path}";
            if (paths[path]?[method.ToLowerInvariant()] is not JsonObject operation)
            {
                missing.Add($"{route}: not in the document. Give it an OperationId and describe its parameters, body and answers (docs/api.md, \"Describing an endpoint\").");
                continue;
            }
            // Wolverine names an endpoint without one GET_api_...: a generated client wants a method name (getRelationState).
            if (operation["operationId"]?.GetValue<string>() is not { } id || !OperationId().IsMatch(id))
                missing.Add($"{route}: no operation id of its own, such as getRelationState (OperationId = \"...\" in its [Wolverine...] attribute).");
            var responses = operation["responses"]?.AsObject().Select(r => r.Key).ToList() ?? [];
            if (!responses.Any(s => s.StartsWith('2'))) missing.Add($"{route}: no success response ([ProducesResponseType<T>(200)] or the like).");
            var problems = operation["responses"]?.AsObject()
                .Where(r => r.Key.StartsWith('4') && r.Value?["content"]?["application/problem+json"] is not null)
                .Select(r => r.Key).ToList() ?? [];
            if (!problems.Except(MiddlewareProblems).Any() && !CannotFailWithAProblem.Contains(route))
                missing.Add($"{route}: no 4xx application/problem+json response of its own ([Problems(400, 404, ...)] with what it can answer).");
            if (path.StartsWith("/api/") && method is not ("GET" or "HEAD"))
            {
                if (!problems.Contains("401")) missing.Add($"{route}: a write without its 401 problem.");
                if (operation["security"]?.ToJsonString().Contains("ApiKey") != true) missing.Add($"{route}: a write without the ApiKey security requirement.");
            }
        }

        foreach (var (path, item) in paths)
        {
            foreach (var (method, _) in item!.AsObject())
            {
                if (!mapped.Contains((method.ToUpperInvariant(), path)))
                    missing.Add($"{method.ToUpperInvariant()} {path}: in the document but not mapped by the app.");
            }
        }

        Assert.True(missing.Count == 0, $"{DocumentRoute} does not describe the app's endpoints:\n" + string.Join("\n", missing));
    }

    /// <summary>(METHOD, /path/{param}) of every endpoint in the app's EndpointDataSource, but the document itself and static files.</summary>
    private HashSet<(string Method, string Path)> MappedRoutes()
    {
        var routes = new HashSet<(string, string)>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.Any(m => m.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.StaticAssets", StringComparison.Ordinal) == true)) continue;
            var path = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "{$1}");
            if (path == "/openapi/{documentName}.json") continue;
            // Health checks answer any method; GET is what probes send and what the document describes.
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is not ("HEAD" or "OPTIONS"))) routes.Add((method, path));
        }
        return routes;
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex OperationId();

    // {id:guid}, {*path}, {name?} → {id}, {path}, {name}: as OpenAPI paths name their parameters.
    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [Theory]
    [InlineData("GET", "/api/actors", "listActors")]
    [InlineData("PUT", "/api/actors/{id}", "putActor")]
    [InlineData("POST", "/api/relations/{a}/{b}/developments", "recordDevelopment")]
    [InlineData("GET", "/api/relations/{a}/{b}/developments", "getTimeline")]
    [InlineData("GET", "/api/relations/{a}/{b}/developments/{id}", "getDevelopment")]
    [InlineData("POST", "/api/relations/{a}/{b}/developments/{id}/retraction", "retractDevelopment")]
    [InlineData("POST", "/api/relations/{a}/{b}/developments/{id}/correction", "correctDevelopment")]
    [InlineData("GET", "/api/relations/{a}/{b}", "getRelationState")]
    [InlineData("GET", "/api/relations/{a}/{b}/score", "getScoreSeries")]
    [InlineData("GET", "/api/relations", "listRelations")]
    [InlineData("GET", "/api/notifications", "streamNotifications")]
    [InlineData("POST", "/api/subscriptions", "createSubscription")]
    [InlineData("GET", "/api/subscriptions/{id}", "getSubscription")]
    [InlineData("DELETE", "/api/subscriptions/{id}", "deleteSubscription")]
    [InlineData("GET", "/health/live", "getLiveness")]
    [InlineData("GET", "/health/ready", "getReadiness")]
    public async Task Each_route_of_api_md_has_its_operation(string method, string path, string operationId)
    {
        var operation = (await DocumentAsync())["paths"]?[path]?[method.ToLowerInvariant()];
        Assert.True(operation is not null, $"{method} {path} is not in the document");
        Assert.Equal(operationId, operation!["operationId"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_read_parameters_are_typed_as_the_parsers_take_them()
    {
        var document = await DocumentAsync();
        var state = Operation(document, "get", "/api/relations/{a}/{b}");
        Assert.Equal("date", Parameter(state, "asOf")["schema"]!["format"]!.GetValue<string>());
        Assert.Equal("date-time", Parameter(state, "knownAt")["schema"]!["format"]!.GetValue<string>());
        var halfLife = Parameter(state, "halfLifeDays")["schema"]!;
        Assert.Equal(("integer", 1, 3650, 180),
            (halfLife["type"]!.GetValue<string>(), halfLife["minimum"]!.GetValue<int>(), halfLife["maximum"]!.GetValue<int>(), halfLife["default"]!.GetValue<int>()));
        Assert.Equal("^[A-Z]{3}(-[A-Z0-9]{1,16})?$", Parameter(state, "a", "path")["schema"]!["pattern"]!.GetValue<string>());
        Assert.Contains("ETag", state["responses"]!["200"]!["headers"]!.AsObject().Select(h => h.Key));

        var series = Operation(document, "get", "/api/relations/{a}/{b}/score");
        Assert.Equal(["day", "week", "month"], Parameter(series, "step")["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));

        var development = Operation(document, "get", "/api/relations/{a}/{b}/developments/{id}");
        Assert.Equal("uuid", Parameter(development, "id", "path")["schema"]!["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task Writes_describe_their_bodies_headers_security_and_problems()
    {
        var document = await DocumentAsync();
        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme["type"]!.GetValue<string>(), scheme["in"]!.GetValue<string>(), scheme["name"]!.GetValue<string>()));

        var record = Operation(document, "post", "/api/relations/{a}/{b}/developments");
        Assert.Equal("#/components/schemas/RecordDevelopmentBody", record["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        var body = document["components"]!["schemas"]!["RecordDevelopmentBody"]!;
        Assert.Equal(["actor", "occurredOn", "sources", "summary", "type"], body["required"]!.AsArray().Select(v => v!.GetValue<string>()).Order());
        Assert.Equal(["low", "normal", "high"], body["properties"]!["significance"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Null(body["properties"]!["agreement"]!["nullable"]);
        Assert.Equal("header", Parameter(record, "If-Match", "header")["in"]!.GetValue<string>());
        Assert.Equal("header", Parameter(record, "Idempotency-Key", "header")["in"]!.GetValue<string>());
        Assert.Contains("Location", record["responses"]!["201"]!["headers"]!.AsObject().Select(h => h.Key));
        Assert.Contains("ApiKey", record["security"]!.ToJsonString());
        foreach (var status in new[] { "400", "401", "404", "412", "413", "415", "422", "429" })
            Assert.True(record["responses"]![status]?["content"]?["application/problem+json"] is not null, $"recordDevelopment has no {status} problem");
        Assert.EndsWith("HttpValidationProblemDetails", record["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());

        foreach (var (method, path) in new[] { ("post", "/api/relations/{a}/{b}/developments/{id}/retraction"), ("post", "/api/relations/{a}/{b}/developments/{id}/correction") })
            Assert.NotNull(Operation(document, method, path)["responses"]!["409"]!["content"]!["application/problem+json"]);
    }

    [Fact]
    public async Task The_notification_stream_is_described_as_server_sent_events()
    {
        var stream = Operation(await DocumentAsync(), "get", "/api/notifications");
        Assert.NotNull(stream["responses"]!["200"]!["content"]!["text/event-stream"]);
        Assert.Equal("header", Parameter(stream, "Last-Event-ID", "header")["in"]!.GetValue<string>());
        Assert.NotNull(stream["responses"]!["429"]!["content"]!["application/problem+json"]);
    }

    private static JsonObject Operation(JsonObject document, string method, string path) =>
        document["paths"]?[path]?[method]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path} is not in the document");

    private static JsonObject Parameter(JsonObject operation, string name, string location = "query") =>
        operation["parameters"]?.AsArray().OfType<JsonObject>().FirstOrDefault(p => p["name"]?.GetValue<string>() == name && p["in"]?.GetValue<string>() == location)
        ?? throw new Xunit.Sdk.XunitException($"{operation["operationId"]} has no {location} parameter {name}");
}
