namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>A file the endpoint streams itself (not JSON), in one of these media types.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FileRequestBodyAttribute(string description, params string[] mediaTypes) : Attribute
{
    public string Description => description;
    public IReadOnlyList<string> MediaTypes => mediaTypes;
}
