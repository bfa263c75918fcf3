using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Api.Developments;
using RelationsTracker.Api.Http.OpenApi;

namespace RelationsTracker.Api.Webhooks;

/// <summary>The body of POST /api/subscriptions as the OpenAPI document describes it; <see cref="SubscriptionEndpoints.Parse"/> reads it field by field.</summary>
[AbsentNotNull]
public sealed class CreateSubscriptionBody
{
    [Description("An absolute http(s) URL the notifications are POSTed to; never a link-local or cloud metadata address, and with Tracker:Webhooks:AllowedHosts set, one of those hosts.")]
    [StringLength(DevelopmentFields.MaxUrl, MinimumLength = 1)]
    public required string CallbackUrl { get; init; }

    [Description("The key of the HMAC-SHA256 signature each delivery carries in X-Tracker-Signature.")]
    [StringLength(SubscriptionEndpoints.MaxSecret, MinimumLength = 1)]
    public required string Secret { get; init; }

    [Description("Only these relations (LBY-EAST~TUR, either order); absent or empty: every relation.")]
    [MaxLength(100)]
    public IReadOnlyList<string>? Relations { get; init; }

    [Description("Only these kinds of notification; absent or empty: every kind.")]
    [OneOf(AllowedNames.NotificationKinds)]
    public IReadOnlyList<string>? Kinds { get; init; }
}
