namespace RelationsTracker.Api.Http;

/// <summary>A 412's body, as the OpenAPI document describes it: the relation's version now, to read and retry from.</summary>
public sealed class PreconditionFailedAnswer : ProblemAnswer
{
    public long CurrentVersion { get; set; }
}
