namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>Query and header parameters the endpoint reads itself, by name from <see cref="ApiParameters"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ParametersAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names => names;
}
