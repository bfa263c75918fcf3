namespace RelationsTracker;

/// <summary>A query value naming several things, comma separated (<c>kinds=phase-changed, development-recorded</c>): each item trimmed, empty ones dropped.</summary>
public static class CommaList
{
    public static string[] Items(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
