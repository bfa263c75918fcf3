namespace RelationsTracker.Writing;

/// <summary>A string whose values are one of a named list of words (<see cref="WordLists"/>; an enum in the OpenAPI document).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute(string list) : Attribute
{
    public string List => list;
}
