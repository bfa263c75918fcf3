using RelationsTracker.Developments;
using RelationsTracker.Relations;
using RelationsTracker.Writing;

namespace RelationsTracker.Importing;

/// <summary>
/// A GDELT mention as a report: the article that mentions an imported event confirms its development, checked as a
/// POST of a report is (<see cref="ReportRequest.ToCommand"/>, <see cref="ReportDevelopment.Decide"/>), so an import never
/// accepts what the API refuses. It is recorded once: an article already among the development's sources or reports
/// is already there.
/// </summary>
public static class MentionReports
{
    /// <param name="development">The development imported from the mention's event, as last committed; null when none was.</param>
    public static MentionOutcome Decide(GdeltMention mention, Development? development, DateOnly today)
    {
        if (development is null)
            return Reject(mention, $"GDELT event {mention.GlobalEventId} was not imported as a development (import its events export first)", RejectionKind.EventNotImported);
        var reportId = ImportedDevelopment.IdOfMention(development.Id, mention.Identifier);
        if (development.Reports.Any(r => r.Id == reportId || Names(r.Source, mention.Identifier)) || development.Sources.Any(s => Names(s, mention.Identifier)))
            return new MentionOutcome(null, null);

        var request = new ReportRequest { Stance = "confirms", Source = mention.Source() };
        var (command, errors) = request.ToCommand(today, reportId);
        if (command is null)
            return Reject(mention, string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))), RejectionKind.FieldRefused("source"));
        RelationId.TryParse(development.Relation, out var relation);
        var decision = ReportDevelopment.Decide(command, relation, development.Id, development);
        return decision.Refusal is { } refusal
            ? Reject(mention, refusal.Detail, RejectionKind.DevelopmentRetracted)
            : new MentionOutcome((ReportAdded)decision.Events[0], null);
    }

    /// <summary>
    /// A batch of mentions as reports, by the relation of each development, in file order, with the rows refused; a
    /// report already there, or twice in the batch, counts once as already imported.
    /// </summary>
    /// <param name="developmentOf">The development each GDELT event was imported as, as last committed; null when none was.</param>
    public static (Dictionary<string, List<ReportAdded>> ByRelation, List<RejectedRow> Rejected, int Already) DecideBatch(
        IEnumerable<GdeltMention> mentions, Func<string, Development?> developmentOf, DateOnly today)
    {
        var reports = new Dictionary<string, List<ReportAdded>>(StringComparer.Ordinal);
        var seen = new HashSet<Guid>();
        var rejected = new List<RejectedRow>();
        var already = 0;
        foreach (var mention in mentions)
        {
            var development = developmentOf(mention.GlobalEventId);
            var outcome = Decide(mention, development, today);
            if (outcome.Rejected is { } row) rejected.Add(row);
            else if (outcome.Report is { } report && seen.Add(report.ReportId))
            {
                if (!reports.TryGetValue(development!.Relation, out var list)) reports[development.Relation] = list = [];
                list.Add(report);
            }
            else already++;
        }
        return (reports, rejected, already);
    }

    private static bool Names(Source source, string identifier) => source.Url == identifier || source.Citation == identifier;

    private static MentionOutcome Reject(GdeltMention mention, string reason, string kind) => new(null, new RejectedRow(mention.Line, reason, kind));
}
