using RelationsTracker.Notifying;

namespace RelationsTracker.Domain.Tests;

public class KindFilterTests
{
    [Fact]
    public void Kinds_are_notification_kinds_comma_separated()
    {
        Assert.True(KindFilter.TryParse("phase-changed, development-recorded", null, out var filter));
        Assert.Equal([Notification.DevelopmentRecorded, Notification.PhaseChanged], filter!.Kinds.Order());
    }

    [Fact]
    public void An_unknown_kind_is_named_with_the_kinds_there_are()
    {
        Assert.False(KindFilter.TryParse("phase-changed,gossip", null, out _));
        Assert.Equal($"'gossip' is not a notification kind; use {string.Join(", ", Notification.Kinds)}", KindFilter.Problem("phase-changed,gossip"));
        Assert.Equal("names no kind", KindFilter.Problem(""));
    }
}
