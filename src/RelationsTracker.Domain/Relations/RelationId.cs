namespace RelationsTracker.Relations;

/// <summary>
/// An unordered pair of two different actors. Its canonical form joins the two ids in ordinal order
/// with <c>~</c> (<c>LBY-EAST~TUR</c>); it is the key of the relation's event stream.
/// </summary>
public readonly record struct RelationId
{
    public const char Separator = '~';

    public string First { get; }
    public string Second { get; }

    private RelationId(string first, string second) => (First, Second) = (first, second);

    /// <summary>Either order gives the same relation.</summary>
    public static RelationId Of(string a, string b)
    {
        if (!ActorId.IsValid(a)) throw new ArgumentException($"'{a}' is not {ActorId.Description}", nameof(a));
        if (!ActorId.IsValid(b)) throw new ArgumentException($"'{b}' is not {ActorId.Description}", nameof(b));
        if (a == b) throw new ArgumentException("a relation needs two different actors", nameof(b));
        return string.CompareOrdinal(a, b) < 0 ? new RelationId(a, b) : new RelationId(b, a);
    }

    /// <summary>The relation of two route segments, or why there is none.</summary>
    public static bool TryOf(string? a, string? b, out RelationId relation, out string? error)
    {
        relation = default;
        error = !ActorId.IsValid(a) ? $"'{a}' is not {ActorId.Description}"
            : !ActorId.IsValid(b) ? $"'{b}' is not {ActorId.Description}"
            : a == b ? "a relation needs two different actors"
            : null;
        if (error is not null) return false;
        relation = Of(a!, b!);
        return true;
    }

    /// <summary>Parses a canonical or non-canonical <c>A~B</c> id.</summary>
    public static bool TryParse(string? text, out RelationId relation)
    {
        relation = default;
        var parts = text?.Split(Separator);
        return parts is { Length: 2 } && TryOf(parts[0], parts[1], out relation, out _);
    }

    public bool Involves(string actor) => actor == First || actor == Second;

    public string Other(string actor) => actor == First ? Second : First;

    public IReadOnlyList<string> Actors => [First, Second];

    public override string ToString() => $"{First}{Separator}{Second}";
}
