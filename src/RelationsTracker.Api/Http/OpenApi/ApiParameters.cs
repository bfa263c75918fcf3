using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using RelationsTracker.Api.Notifications;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>
/// What the route values (<c>{a}</c>, <c>{b}</c>, <c>{id}</c>), the write headers (If-Match, Idempotency-Key) and the
/// notification stream's resume point hold, described once each, by name, with the same limits the parsers apply:
/// Wolverine describes them as plain strings wherever they are bound. Also the headers the endpoints answer.
/// </summary>
public static class ApiParameters
{
    public const string LastEventIdQuery = "lastEventId";
    public const string LastEventId = "Last-Event-ID";
    private const string ActorA = "path a";
    private const string ActorB = "path b";

    // A route's {id} is named by the collection before it.
    private static readonly Dictionary<string, string> Ids = new(StringComparer.Ordinal)
    {
        ["actors"] = "id (actor)", ["developments"] = "id (development)", ["subscriptions"] = "id (subscription)",
        ["imports"] = "id (import)", ["feeds"] = "id (feed)",
    };

    // The pattern of a relation id as the notification filter takes it: two actor ids joined by '~', either order.
    public static readonly string RelationPattern = $"^{ActorId.PatternText[1..^1]}~{ActorId.PatternText[1..^1]}$";

    private static readonly Dictionary<string, Func<OpenApiParameter>> Parameters = new(StringComparer.Ordinal)
    {
        [ActorA] = () => Path("a", Actor(), "One actor of the relation; the two may come in either order."),
        [ActorB] = () => Path("b", Actor(), "The other actor of the relation."),
        ["id (actor)"] = () => Path("id", Actor(), $"The actor's id: {ActorId.Description}."),
        ["id (development)"] = () => Path("id", Uuid(), "The development's id, as recording it answered."),
        ["id (subscription)"] = () => Path("id", Uuid(), "The subscription's id, as creating it answered."),
        ["id (import)"] = () => Path("id", Uuid(), "The import's id, as starting it answered."),
        ["id (feed)"] = () => Path("id", Uuid(), "The feed's id, as creating it answered."),
        ["query " + LastEventIdQuery] = () => Query(LastEventIdQuery, LongId(),
            "As the Last-Event-ID header, for clients that cannot set it: every notification after this id is sent first. The header wins when both are given."),
        ["header " + LastEventId] = () => Header(LastEventId, LongId(),
            "The id of the last notification received (browsers send it when they reconnect): every notification after it is sent first, then the live ones; none lost, none twice."),
        ["header " + IfMatch.Header] = () => Header(IfMatch.Header, new OpenApiSchema { Type = JsonSchemaType.String },
            "Records only if the relation's stream is still at this version: the relation's ETag (\"3\"), a list of them, or * (the relation exists). " +
            "Otherwise 412 and nothing is recorded."),
        ["header " + IdempotentResponse.Header] = () => Header(IdempotentResponse.Header, new OpenApiSchema
            {
                Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotentResponse.MaxKeyLength, Pattern = "^[!-~]+$",
            },
            "A key of the client's choosing (printable ASCII, no spaces): the same key with the same request answers the first answer again " +
            "and records nothing new; the same key with another request is 422."),
    };

    private static readonly Dictionary<string, Func<OpenApiHeader>> ResponseHeaders = new(StringComparer.Ordinal)
    {
        ["Location"] = () => new OpenApiHeader { Description = "Where the created resource is read.", Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" } },
        ["Link"] = () => new OpenApiHeader { Description = "The next page: <url>; rel=\"next\" (api.md, \"Paging\"); absent on the last page.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
        ["ETag"] = () => new OpenApiHeader { Description = "The relation's version in quotes (\"3\"); send it back in If-Match to write only if nothing changed since.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
        ["Idempotent-Replayed"] = () => new OpenApiHeader { Description = "true when this is the stored answer to an earlier request with the same Idempotency-Key.", Schema = Enum(["true"], null) },
        ["Retry-After"] = () => new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" } },
    };

    /// <summary>The description of a parameter Wolverine described as a plain string, if this names it.</summary>
    public static OpenApiParameter? Describing(IOpenApiParameter parameter, string? route)
    {
        var key = parameter.In switch
        {
            ParameterLocation.Path when parameter.Name == "id" => IdOf(route),
            ParameterLocation.Path => "path " + parameter.Name,
            ParameterLocation.Header => "header " + parameter.Name,
            ParameterLocation.Query => "query " + parameter.Name,
            _ => null,
        };
        return key is not null && Parameters.TryGetValue(key, out var make) ? make() : null;
    }

    private static string? IdOf(string? route)
    {
        var segments = route?.Split('/') ?? [];
        var at = Array.IndexOf(segments, "{id}");
        return at > 0 ? Ids.GetValueOrDefault(segments[at - 1]) : null;
    }

    public static OpenApiHeader ResponseHeader(string name) =>
        ResponseHeaders.TryGetValue(name, out var make) ? make() : throw new InvalidOperationException($"No response header '{name}' in {nameof(ApiParameters)}");

    public static OpenApiSchema Enum(IEnumerable<string> values, string? defaultValue) => new()
    {
        Type = JsonSchemaType.String,
        Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList(),
        Default = defaultValue is null ? null : JsonValue.Create(defaultValue),
    };

    private static OpenApiSchema Actor() => new() { Type = JsonSchemaType.String, Pattern = ActorId.PatternText };

    private static OpenApiSchema Uuid() => new() { Type = JsonSchemaType.String, Format = "uuid" };

    private static OpenApiSchema Date() => new() { Type = JsonSchemaType.String, Format = "date" };

    private static OpenApiSchema LongId() => new() { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" };

    private static OpenApiParameter Query(string name, OpenApiSchema schema, string description) =>
        new() { Name = name, In = ParameterLocation.Query, Required = false, Schema = schema, Description = description };

    private static OpenApiParameter Path(string name, OpenApiSchema schema, string description) =>
        new() { Name = name, In = ParameterLocation.Path, Required = true, Schema = schema, Description = description };

    private static OpenApiParameter Header(string name, OpenApiSchema schema, string description) =>
        new() { Name = name, In = ParameterLocation.Header, Required = false, Schema = schema, Description = description };
}
