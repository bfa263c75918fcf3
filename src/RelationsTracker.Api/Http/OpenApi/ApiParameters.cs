using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using RelationsTracker.Api.Notifications;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>
/// The query and header parameters the endpoints read by hand (<see cref="IfMatch"/>, <see cref="IdempotentResponse"/>,
/// the notification stream, the import's format), what the route parameters hold, and the headers the endpoints answer, described once each
/// with the same limits the parsers apply. Endpoints name them in <see cref="ParametersAttribute"/>.
/// </summary>
public static class ApiParameters
{
    public const string LastEventIdQuery = "lastEventId";
    public const string LastEventId = "Last-Event-ID";
    public const string IfMatchHeader = IfMatch.Header;
    public const string IdempotencyKey = IdempotentResponse.Header;
    // Route parameters, which Wolverine describes as plain strings: these say what they hold.
    public const string ActorA = "a";
    public const string ActorB = "b";
    public const string ActorIdInRoute = "id (actor)";
    public const string DevelopmentId = "id (development)";
    public const string SubscriptionId = "id (subscription)";
    public const string ImportId = "id (import)";
    public const string FeedId = "id (feed)";

    // The pattern of a relation id as the notification filter takes it: two actor ids joined by '~', either order.
    public static readonly string RelationPattern = $"^{ActorId.PatternText[1..^1]}~{ActorId.PatternText[1..^1]}$";

    private static readonly Dictionary<string, Func<OpenApiParameter>> Parameters = new(StringComparer.Ordinal)
    {
        [ActorA] = () => Path("a", Actor(), "One actor of the relation; the two may come in either order."),
        [ActorB] = () => Path("b", Actor(), "The other actor of the relation."),
        [ActorIdInRoute] = () => Path("id", Actor(), $"The actor's id: {ActorId.Description}."),
        [DevelopmentId] = () => Path("id", Uuid(), "The development's id, as recording it answered."),
        [SubscriptionId] = () => Path("id", Uuid(), "The subscription's id, as creating it answered."),
        [ImportId] = () => Path("id", Uuid(), "The import's id, as starting it answered."),
        [FeedId] = () => Path("id", Uuid(), "The feed's id, as creating it answered."),
        [LastEventIdQuery] = () => Query(LastEventIdQuery, LongId(),
            "As the Last-Event-ID header, for clients that cannot set it: every notification after this id is sent first. The header wins when both are given."),
        [LastEventId] = () => Header(LastEventId, LongId(),
            "The id of the last notification received (browsers send it when they reconnect): every notification after it is sent first, then the live ones; none lost, none twice."),
        [IfMatchHeader] = () => Header(IfMatchHeader, new OpenApiSchema { Type = JsonSchemaType.String },
            "Records only if the relation's stream is still at this version: the relation's ETag (\"3\"), a list of them, or * (the relation exists). " +
            "Otherwise 412 and nothing is recorded."),
        [IdempotencyKey] = () => Header(IdempotencyKey, new OpenApiSchema
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

    public static bool IsKnown(string name) => Parameters.ContainsKey(name);

    public static OpenApiParameter Parameter(string name) =>
        Parameters.TryGetValue(name, out var make) ? make() : throw new InvalidOperationException($"No parameter '{name}' in {nameof(ApiParameters)}");

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
