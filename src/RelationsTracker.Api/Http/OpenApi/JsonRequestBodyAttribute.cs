namespace RelationsTracker.Api.Http.OpenApi;

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
