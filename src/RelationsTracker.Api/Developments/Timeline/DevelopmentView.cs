using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Relations;
using RelationsTracker.Developments;
using RelationsTracker.Scoring;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Developments.Timeline;

/// <summary>A development as the API shows it: its fields as known at knownAt, its status, contribution and history.</summary>
public sealed record DevelopmentView(
    Guid Id,
    string Relation,
    [property: OneOf(WordLists.DevelopmentTypes)] string Type,
    string Cameo,
    string CameoDescription,
    double Weight,
    string OccurredOn,
    string EffectiveDate,
    string Actor,
    string Summary,
    [property: OneOf(WordLists.Significances)] string Significance,
    IReadOnlyList<SourceView> Sources,
    string? Agreement,
    string? Title,
    MissionView? Mission,
    string Status,
    decimal Contribution,
    DateTime RecordedAt,
    RecordedFields AsRecorded,
    IReadOnlyList<CorrectionView> Corrections,
    RetractionView? Retraction,
    IReadOnlyList<GdeltEvidence>? Gdelt,
    IReadOnlyList<ReportView> Reports,
    int K,
    int D,
    decimal C)
{
    /// <summary>Null when the development was not yet recorded at knownAt.</summary>
    public static DevelopmentView? Of(Development development, PointOfView view)
    {
        if (development.FieldsKnownAt(view.KnownAt) is not { } facts) return null;
        var status = development.StatusAt(view.KnownAt);
        var entry = Catalogue.Of(facts.Type);
        var corroboration = Corroboration.Of(development, view.KnownAt);
        var weighed = view.Weighting == Weighting.Corroborated ? facts with { Corroboration = corroboration.C } : facts;
        var contribution = status == DevelopmentStatus.Retracted ? 0 : WarmingScore.ContributionAt(weighed, view.AsOf, view.HalfLifeDays);
        var retraction = development.Retraction is { } r && r.RecordedAt <= view.KnownAt
            ? new RetractionView(r.RecordedAt.UtcDateTime, r.Reason, r.Sources.Select(SourceView.Of).ToList())
            : null;
        return new DevelopmentView(
            development.Id,
            development.Relation,
            facts.Type.ToString(),
            facts.CameoCode ?? entry.Cameo,
            CameoScale.Codes.TryGetValue(facts.CameoCode ?? entry.Cameo, out var code) ? code.Description : "",
            facts.Weight,
            facts.OccurredOn.ToString(),
            facts.EffectiveDate.ToString("yyyy-MM-dd"),
            facts.Actor,
            facts.Summary,
            facts.Significance.Name(),
            development.Sources.Select(SourceView.Of).ToList(),
            facts.Agreement,
            facts.Title,
            facts.Mission is { } m ? new MissionView(m.Owner, m.Kind, m.City) : null,
            status.ToString().ToLowerInvariant(),
            WarmingScore.Round(contribution, 3),
            development.RecordedAt.UtcDateTime,
            new RecordedFields(development.Type.ToString(), development.OccurredOn.ToString(), development.Significance.Name(), development.Summary),
            development.Corrections.Where(c => c.RecordedAt <= view.KnownAt).Select(CorrectionView.Of).ToList(),
            retraction,
            development.Gdelt,
            [.. development.Reports.Where(r => r.RecordedAt <= view.KnownAt).Select(ReportView.Of)],
            corroboration.K,
            corroboration.D,
            WarmingScore.Round(corroboration.C, 3));
    }
}
