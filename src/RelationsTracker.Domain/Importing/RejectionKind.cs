namespace RelationsTracker.Importing;

/// <summary>The kinds of reason an import refuses a row for, in the order its checks run (docs/import.md).</summary>
public static class RejectionKind
{
    public const string UnreadableRecord = "unreadable record";
    public const string NotValidUtf8 = "not valid UTF-8";
    public const string NotAGdeltRow = "not a GDELT 2.0 row";
    public const string CameoWithoutType = "CAMEO code without a type";
    public const string NoCountryCode = "actor without a country code";
    public const string EmptyMapping = "empty actor mapping";
    public const string CountryNotMapped = "country not in the actor mapping";
    public const string NoMarkerMatched = "no marker matched";
    public const string SameActorTwice = "both actors the same";
    public const string BadDate = "not a date";
    public const string WrongFieldCount = "wrong number of fields";
    public const string BadRelation = "not a relation";
    public const string TypeNeedsMore = "type needs fields a row lacks";
    public const string ActorMissing = "actor does not exist";
    public const string NotAMentionRow = "not a GDELT 2.0 mentions row";
    public const string EventNotImported = "event not imported";
    public const string DevelopmentRetracted = "development retracted";
    public const string Other = "other";

    /// <summary>A row the development checks refused: the kind names its first bad field (<c>occurredOn refused</c>).</summary>
    public static string FieldRefused(string field) => $"{field} refused";
}
