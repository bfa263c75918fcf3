namespace RelationsTracker.Writing;

/// <summary>Why a write was refused, in the analyst's terms; the host turns it into problem details.</summary>
/// <param name="Field">The request field at fault, for <see cref="RefusalKind.Invalid"/>.</param>
public sealed record Refusal(RefusalKind Kind, string Detail, string? Field = null)
{
    public static Refusal Invalid(string field, string message) => new(RefusalKind.Invalid, message, field);
    public static Refusal NotFound(string detail) => new(RefusalKind.NotFound, detail);
    public static Refusal Conflict(string detail) => new(RefusalKind.Conflict, detail);
}
