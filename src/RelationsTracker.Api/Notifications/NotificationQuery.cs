using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Relations;
using RelationsTracker.Api.Http;
using RelationsTracker.Notifying;

namespace RelationsTracker.Api.Notifications;

/// <summary>What a notification stream wants: one relation or all, some kinds or all, and where to resume.</summary>
public class NotificationQuery
{
    [FromQuery(Name = "relation")]
    [Description("Only the notifications of this relation: two actor ids joined by '~', in either order (LBY-EAST~TUR).")]
    public RelationName? Relation { get; set; }

    [FromQuery(Name = "kinds")]
    [Description("Only these kinds of notification, comma separated: development-recorded, development-retracted, development-corrected, phase-changed.")]
    public KindFilter? Kinds { get; set; }

    // Both name one resume point, and a bad one is reported under the header's name, so they are read together below.
    [FromHeader(Name = "Last-Event-ID")]
    public string? LastEventIdHeader { get; set; }

    [FromQuery(Name = "lastEventId")]
    public string? LastEventIdParameter { get; set; }

    /// <summary>The resume point (the header wins over the parameter); false when it is not a whole number.</summary>
    public bool TryGetLastEventId(out long? lastEventId, out string? problem)
    {
        lastEventId = null;
        problem = null;
        if ((LastEventIdHeader ?? LastEventIdParameter) is not { } text) return true;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            lastEventId = last;
            return true;
        }
        problem = $"'{text}' is not a notification id (a whole number)";
        return false;
    }

    public bool Wants(Notification n) =>
        (Relation is null || n.Relation == Relation.Value.Id.ToString()) && (Kinds is null || Kinds.Kinds.Contains(n.Kind));
}
