using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using RelationsTracker.Relations;
using RelationsTracker.Writing;

namespace RelationsTracker.Notifying;

/// <summary>The body of POST /api/subscriptions: where to deliver, the signing secret, and which notifications.</summary>
[AbsentNotNull]
public sealed record CreateSubscriptionRequest
{
    [Description("An absolute http(s) URL the notifications are POSTed to; never a link-local or cloud metadata address, and with Tracker:Webhooks:AllowedHosts set, one of those hosts.")]
    [StringLength(DevelopmentFields.MaxUrl, MinimumLength = 1)]
    public required string CallbackUrl { get; init; }

    [Description("The key of the HMAC-SHA256 signature each delivery carries in X-Tracker-Signature.")]
    [StringLength(MaxSecret, MinimumLength = 1)]
    public required string Secret { get; init; }

    [Description("Only these relations (LBY-EAST~TUR, either order); absent or empty: every relation.")]
    [MaxLength(MaxRelations)]
    public IReadOnlyList<string>? Relations { get; init; }

    [Description("Only these kinds of notification; absent or empty: every kind.")]
    [OneOf(WordLists.NotificationKinds)]
    public IReadOnlyList<string>? Kinds { get; init; }

    public const int MaxSecret = 512;
    public const int MaxRelations = 100;

    /// <summary>The subscription, when every field passes; else each bad field's error.</summary>
    /// <param name="hostRefusal">Why the callback's host may not receive webhooks, or null (the host's rules).</param>
    public (WebhookSubscription? Webhook, FieldErrors Errors) ToSubscription(DateTimeOffset now, Func<Uri, string?> hostRefusal)
    {
        var errors = new FieldErrors();
        var callback = DevelopmentFields.Text(errors, "callbackUrl", CallbackUrl, required: true, DevelopmentFields.MaxUrl);
        var secret = DevelopmentFields.Text(errors, "secret", Secret, required: true, MaxSecret);
        if (callback is not null && !DevelopmentFields.IsWebUrl(callback))
            errors.Add("callbackUrl", "must be an absolute http or https URL");
        else if (callback is not null && hostRefusal(new Uri(callback)) is { } refusal)
            errors.Add("callbackUrl", refusal);

        var relations = Relations ?? [];
        var kinds = Kinds ?? [];
        if (relations.Count > MaxRelations) errors.Add("relations", $"must have at most {MaxRelations} items (it has {relations.Count})");
        if (kinds.Count > Notification.Kinds.Count) errors.Add("kinds", $"must have at most {Notification.Kinds.Count} items (it has {kinds.Count})");
        var canonical = new List<string>();
        for (var i = 0; i < relations.Count; i++)
        {
            if (RelationId.TryParse(relations[i], out var relation)) canonical.Add(relation.ToString());
            else errors.Add($"relations[{i}]", $"'{relations[i]}' is not a relation such as LBY-EAST~TUR");
        }
        for (var i = 0; i < kinds.Count; i++)
        {
            if (!Notification.Kinds.Contains(kinds[i]))
                errors.Add($"kinds[{i}]", $"'{kinds[i]}' is not a notification kind; use {string.Join(", ", Notification.Kinds)}");
        }
        if (errors.Any) return (null, errors);
        return (new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            CallbackUrl = callback!,
            Secret = secret!,
            Relations = canonical.Distinct().ToList(),
            Kinds = kinds.Distinct().ToList(),
            CreatedAt = now,
        }, errors);
    }
}
