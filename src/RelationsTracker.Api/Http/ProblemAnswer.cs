using Microsoft.AspNetCore.Mvc;

namespace RelationsTracker.Api.Http;

/// <summary>
/// Every problem body, as the OpenAPI document describes it: RFC 9457's fields and the trace id ASP.NET Core adds to
/// each (an extension member, which <see cref="ProblemDetails"/>' own schema does not show).
/// </summary>
public class ProblemAnswer : ProblemDetails
{
    /// <summary>The request's trace id, for finding it in the service's log.</summary>
    public string? TraceId { get; set; }
}
