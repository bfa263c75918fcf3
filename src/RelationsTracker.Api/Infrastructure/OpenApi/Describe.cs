namespace RelationsTracker.Api.Infrastructure.OpenApi;

// What an endpoint reads or answers by hand, which ApiExplorer cannot infer from its signature: the endpoints
// take HttpRequest and return IResult so that every bad field is named (docs/architecture.md). These attributes
// only describe; nothing reads them at request time. DescribedMetadataProvider and TrackerOpenApi turn them into
// the OpenAPI document.

/// <summary>The JSON body the endpoint reads itself, described by a type whose shape is the body's.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonRequestBodyAttribute(Type type) : Attribute
{
    public Type Type => type;
}

/// <summary>A file the endpoint streams itself (not JSON), in one of these media types.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FileRequestBodyAttribute(string description, params string[] mediaTypes) : Attribute
{
    public string Description => description;
    public IReadOnlyList<string> MediaTypes => mediaTypes;
}

/// <summary>
/// The problem details (application/problem+json) the endpoint itself can answer, by status code. 401 and 429,
/// which the API key and rate limit middleware answer before any endpoint runs, are added for every write.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProblemsAttribute(params int[] statusCodes) : Attribute
{
    public IReadOnlyList<int> StatusCodes => statusCodes;
}

/// <summary>Query and header parameters the endpoint reads itself, by name from <see cref="ApiParameters"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ParametersAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names => names;
}

/// <summary>A header the endpoint sets on its answer with that status code, by name from <see cref="ApiParameters"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseHeaderAttribute(int statusCode, string name) : Attribute
{
    public int StatusCode => statusCode;
    public string Name => name;
}

/// <summary>A string whose values are one of a named list of <see cref="AllowedNames"/> (an enum in the document).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute(string list) : Attribute
{
    public string List => list;
}

/// <summary>
/// A body (or part of one) whose optional fields are absent or a value, never null: the parsers refuse a JSON null.
/// The document leaves "nullable" off its properties.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AbsentNotNullAttribute : Attribute;
