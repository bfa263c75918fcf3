using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Api.Http.OpenApi;

namespace RelationsTracker.Api.Developments.Retracting;

/// <summary>The body of POST .../retraction as the OpenAPI document describes it; <see cref="RetractDevelopmentRequest.Parse"/> reads it field by field.</summary>
[AbsentNotNull]
public sealed class RetractDevelopmentBody
{
    [StringLength(DevelopmentFields.MaxReason, MinimumLength = 1)]
    public required string Reason { get; init; }

    [Description("The reports that withdraw it, if any.")]
    [MaxLength(DevelopmentFields.MaxSources)]
    public IReadOnlyList<SourceBody>? Sources { get; init; }
}
