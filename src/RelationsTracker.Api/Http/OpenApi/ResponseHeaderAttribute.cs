namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>A header the endpoint sets on its answer with that status code, by name from <see cref="ApiParameters"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseHeaderAttribute(int statusCode, string name) : Attribute
{
    public int StatusCode => statusCode;
    public string Name => name;
}
