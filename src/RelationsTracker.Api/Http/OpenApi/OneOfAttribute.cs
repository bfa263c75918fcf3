namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>A string whose values are one of a named list of <see cref="AllowedNames"/> (an enum in the document).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute(string list) : Attribute
{
    public string List => list;
}
