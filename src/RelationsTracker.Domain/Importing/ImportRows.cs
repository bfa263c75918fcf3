using RelationsTracker.Developments;
using RelationsTracker.Relations;
using RelationsTracker.Writing;

namespace RelationsTracker.Importing;

/// <summary>
/// Turns the rows of an import file into developments. Each row becomes the request a POST of a development takes
/// and goes through its checks (<see cref="RecordDevelopmentRequest.ToCommand"/>), so an import can never accept
/// what the API refuses.
/// </summary>
public static class ImportRows
{
    /// <summary>The CSV columns, by header name (any order, names as written here, any case). significance may be left out.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["relation", "type", "occurredOn", "actor", "significance", "summary", "source"];

    public static IEnumerable<RowOutcome> Read(ImportFormat format, TextReader reader, ActorMapping mapping, DateOnly today) => format switch
    {
        ImportFormat.Gdelt => ReadGdelt(reader, mapping, today),
        ImportFormat.GdeltMentions => ReadMentions(reader),
        _ => ReadCsv(reader, today),
    };

    /// <summary>Whether the file starts as its format must (a GDELT row's 61 columns; the CSV header), read from its first record.</summary>
    public static string? CheckStart(ImportFormat format, TextReader reader)
    {
        var first = (format == ImportFormat.Csv ? TextRecords.CommaSeparated(reader) : TextRecords.TabSeparated(reader)).FirstOrDefault();
        if (first is null) return "The file is empty.";
        if (first.IsBad) return $"Line {first.Line}: {first.Error}.";
        if (format == ImportFormat.GdeltMentions)
            return first.Fields.Count == GdeltMention.Columns ? null
                : $"This is not a GDELT 2.0 mentions file: line {first.Line} has {first.Fields.Count} tab-separated columns, not {GdeltMention.Columns}." +
                  (first.Fields.Count == GdeltEvent.Columns ? " It is an events export: use format=gdelt." : "");
        if (format == ImportFormat.Gdelt && first.Fields.Count is 57 or 58)
            return $"This is a GDELT 1.0 events file: line {first.Line} has {first.Fields.Count} tab-separated columns. The import reads GDELT 2.0 exports ({GdeltEvent.Columns} columns, from data.gdeltproject.org/gdeltv2/).";
        if (format == ImportFormat.Gdelt)
            return first.Fields.Count == GdeltEvent.Columns ? null
                : $"This is not a GDELT 2.0 events file: line {first.Line} has {first.Fields.Count} tab-separated columns, not {GdeltEvent.Columns}." +
                  (first.Fields.Count == GdeltMention.Columns ? " It is a mentions file: use format=gdelt-mentions." : " (For the CSV format, use format=csv.)");
        return CsvHeader.Parse(first.Fields).Error;
    }

    private static IEnumerable<RowOutcome> ReadGdelt(TextReader reader, ActorMapping mapping, DateOnly today)
    {
        foreach (var record in TextRecords.TabSeparated(reader))
        {
            if (record.IsBad)
            {
                yield return Reject(record.Line, record.Error!, RejectionKind.UnreadableRecord);
                continue;
            }
            yield return FromGdelt(record.Line, record.Fields, mapping, today);
        }
    }

    private static IEnumerable<RowOutcome> ReadMentions(TextReader reader)
    {
        foreach (var record in TextRecords.TabSeparated(reader))
        {
            if (record.IsBad)
            {
                yield return Reject(record.Line, record.Error!, RejectionKind.UnreadableRecord);
                continue;
            }
            if (InvalidUtf8(record.Line, record.Fields) is { } invalid)
            {
                yield return invalid;
                continue;
            }
            var (mention, error) = GdeltMention.Parse(record.Line, record.Fields);
            yield return mention is null ? Reject(record.Line, error!, RejectionKind.NotAMentionRow) : new RowOutcome(null, null, mention);
        }
    }

    private static IEnumerable<RowOutcome> ReadCsv(TextReader reader, DateOnly today)
    {
        CsvHeader? header = null;
        foreach (var record in TextRecords.CommaSeparated(reader))
        {
            if (header is null)
            {
                var (parsed, error) = CsvHeader.Parse(record.IsBad ? [] : record.Fields);
                if (parsed is null) throw new InvalidDataException(record.IsBad ? $"Line {record.Line}: {record.Error}." : error);
                header = parsed;
                continue;
            }
            if (record.IsBad)
            {
                yield return Reject(record.Line, record.Error!, RejectionKind.UnreadableRecord);
                continue;
            }
            yield return FromCsv(record.Line, record.Fields, header, today);
        }
    }

    public static RowOutcome FromGdelt(long line, IReadOnlyList<string> fields, ActorMapping mapping, DateOnly today)
    {
        if (InvalidUtf8(line, fields) is { } invalid) return invalid;
        var (e, error) = GdeltEvent.Parse(fields);
        if (e is null) return Reject(line, error!, RejectionKind.NotAGdeltRow);

        var (type, _, cameoError) = CameoMapping.Map(e.EventCode, e.EventBaseCode, e.EventRootCode);
        if (type is null) return Reject(line, cameoError!, RejectionKind.CameoWithoutType);

        var first = mapping.Find(e.Actor1);
        var second = mapping.Find(e.Actor2);
        if (first is null || second is null)
        {
            var (which, actor) = first is null ? ("Actor1", e.Actor1) : ("Actor2", e.Actor2);
            var (reason, kind) = UnmappedReason(mapping, which, actor);
            return Reject(line, reason, kind);
        }
        if (first.Actor == second.Actor)
            return Reject(line, $"both actors map to {first.Actor}; a relation needs two different actors", RejectionKind.SameActorTwice);
        var relation = RelationId.Of(first.Actor, second.Actor);

        var occurredOn = GdeltEvent.IsoDay(e.SqlDate);
        if (occurredOn is null) return Reject(line, $"SQLDATE '{e.SqlDate}' is not a date as YYYYMMDD", RejectionKind.BadDate);
        // Its exact code: the EventCode when the scale lists it, else its base code (a root alone is its type's own weight).
        var cameo = CameoScale.IsEventCode(e.EventCode) ? e.EventCode : CameoScale.IsEventCode(e.EventBaseCode) ? e.EventBaseCode : null;
        var summary = $"{Name(e.Actor1)} → {Name(e.Actor2)}: {CameoMapping.Describe(e.EventCode, e.EventBaseCode, e.EventRootCode)} (CAMEO {e.EventCode}, GDELT event {e.GlobalEventId})";
        var isUrl = DevelopmentFields.IsWebUrl(e.SourceUrl);
        var source = new SourceRequest
        {
            Url = isUrl ? e.SourceUrl : null,
            Citation = isUrl ? $"GDELT 2.0 event {e.GlobalEventId}" : $"GDELT 2.0 event {e.GlobalEventId}: {e.SourceUrl}",
            PublishedOn = GdeltEvent.IsoDay(e.DateAdded),
        };

        return Candidate(line, relation, type.Value.ToString(), occurredOn, first.Actor, significance: null, summary, source, today,
            ImportedDevelopment.IdOfGdeltEvent(relation, e.EventCode, e.SqlDate, e.SourceUrl), cameo, e.Evidence,
            [new NeededActor(first.Actor, first.Name ?? first.Actor), new NeededActor(second.Actor, second.Name ?? second.Actor)]);
    }

    public static RowOutcome FromCsv(long line, IReadOnlyList<string> fields, CsvHeader header, DateOnly today)
    {
        if (InvalidUtf8(line, fields) is { } invalid) return invalid;
        if (fields.Count != header.Count) return Reject(line, $"has {fields.Count} fields; the header has {header.Count}", RejectionKind.WrongFieldCount);
        string Field(string name) => header.IndexOf(name) is { } i ? fields[i].Trim() : "";

        var relationText = Field("relation");
        if (!RelationId.TryParse(relationText, out var relation))
            return Reject(line, $"relation: '{relationText}' is not a relation: two different actor ids joined by ~ (LBY-EAST~TUR)", RejectionKind.BadRelation);
        var type = Field("type");
        if (Catalogue.TryParseType(type, out var parsedType) && Catalogue.Of(parsedType).Shape != DevelopmentShape.Plain)
        {
            var needs = Catalogue.Of(parsedType).Shape == DevelopmentShape.Agreement ? "an agreement (slug and title)" : "a mission (owner, kind, city)";
            return Reject(line, $"type: {type} needs {needs}, which an import row has no column for; record it with POST /api/relations/{{a}}/{{b}}/developments", RejectionKind.TypeNeedsMore);
        }
        var source = Field("source");
        SourceRequest? sourceFields = source.Length == 0 ? null
            : source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? new SourceRequest { Url = source }
                : new SourceRequest { Citation = source };
        var significance = Field("significance");
        var id = ImportedDevelopment.IdOfCsvRow([relation.ToString(), type, Field("occurredOn"), Field("actor"), significance.Length == 0 ? "normal" : significance, Field("summary"), source]);
        return Candidate(line, relation, type, Field("occurredOn"), Field("actor"), significance.Length == 0 ? null : significance,
            Field("summary"), sourceFields, today, id, cameo: null, evidence: null, [new NeededActor(relation.First, null), new NeededActor(relation.Second, null)]);
    }

    private static RowOutcome Candidate(long line, RelationId relation, string type, string occurredOn, string actor, string? significance,
        string summary, SourceRequest? source, DateOnly today, Guid id, string? cameo, GdeltEvidence? evidence, IReadOnlyList<NeededActor> actors)
    {
        var request = new RecordDevelopmentRequest
        {
            Type = type, OccurredOn = occurredOn, Actor = actor, Summary = summary, Significance = significance,
            Sources = source is null ? [] : [source], Cameo = cameo,
        };
        var (command, errors) = request.ToCommand(relation, today);
        if (command is null) return Reject(line, Describe(errors), RejectionKind.FieldRefused(errors.ToDictionary().Keys.First() is var f && f.StartsWith("sources") ? "source" : f));
        var decision = RecordDevelopment.Decide(command, null, id);
        var recorded = (DevelopmentRecorded)decision.Events[0] with { Gdelt = evidence is null ? null : [evidence] };
        return new RowOutcome(new ImportCandidate(line, relation, recorded, actors), null);
    }

    /// <summary>A row's errors in one line, its source's fields named as the row's <c>source</c>.</summary>
    private static string Describe(FieldErrors errors) =>
        string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{(e.Key == "sources" || e.Key.StartsWith("sources[") ? "source" : e.Key)}: {m}")));

    private static RowOutcome? InvalidUtf8(long line, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
            if (fields[i].Contains(TextRecords.InvalidBytes))
                return Reject(line, $"field {i + 1} holds bytes that are not UTF-8; save the file as UTF-8", RejectionKind.NotValidUtf8);
        return null;
    }

    /// <summary>Why a GDELT actor maps to no actor: no country code, an empty table, a country the table lacks, or no rule of its country that matched.</summary>
    public static (string Reason, string Kind) UnmappedReason(ActorMapping mapping, string which, GdeltActor actor)
    {
        if (string.IsNullOrEmpty(actor.CountryCode))
            return ($"{which} {actor.Describe()} has no country code, so the actor mapping cannot name it", RejectionKind.NoCountryCode);
        if (mapping.Rules.Count == 0)
            return ($"{which} {actor.Describe()}: the actor mapping is empty (give actors a gdelt mapping, or Tracker:Imports:Actors)", RejectionKind.EmptyMapping);
        var rules = mapping.RulesFor(actor.CountryCode);
        if (rules.Count == 0)
            return ($"{which} {actor.Describe()} of country {actor.CountryCode} is not in the actor mapping", RejectionKind.CountryNotMapped);
        var markers = string.Join(", ", rules.SelectMany(r => r.Markers).Distinct());
        return ($"{which} {actor.Describe()} of country {actor.CountryCode} matches no marker of its country's rules ({markers})", RejectionKind.NoMarkerMatched);
    }

    private static string Name(GdeltActor actor) => actor.Name.Length > 0 ? actor.Name : actor.Code;

    private static RowOutcome Reject(long line, string reason, string kind) => new(null, new RejectedRow(line, reason, kind));
}
