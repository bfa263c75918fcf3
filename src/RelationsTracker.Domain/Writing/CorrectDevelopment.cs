using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Writing;

/// <summary>Fields of a development are corrected; absent fields stay as they were.</summary>
public sealed record CorrectDevelopment(string Reason, OccurrenceDate? OccurredOn, DevelopmentType? Type, Significance? Significance, string? Summary, string? Cameo = null)
{
    /// <param name="development">The development as last committed, or null when there is none by that id.</param>
    public static Decision Decide(CorrectDevelopment command, RelationId relation, Guid developmentId, Development? development)
    {
        if (development is null || development.Relation != relation.ToString())
            return Decision.Refuse(Refusal.NotFound($"No development {developmentId} in {relation}."));
        if (development.Retraction is not null)
            return Decision.Refuse(Refusal.Conflict($"Development {developmentId} was retracted at {development.Retraction.RecordedAt:O}; a retracted development cannot be corrected."));

        // An agreement development carries a slug and a mission development a mission: a type correction
        // may not leave them behind or need ones the development never had.
        if (command.Type is { } type && Catalogue.Of(type).Shape != Catalogue.Of(development.Type).Shape)
            return Decision.Refuse(Refusal.Invalid("type",
                $"{development.Type} cannot be corrected to {type}: {ShapeRule(Catalogue.Of(development.Type).Shape)}"));

        // An exact code belongs to its type's root: a correction of either keeps the two together.
        var current = development.FieldsKnownAt(DateTimeOffset.MaxValue)!;
        var typeAfter = command.Type ?? current.Type;
        if ((command.Cameo ?? current.CameoCode) is { } cameo && CameoScale.RootOf(cameo) != CameoScale.RootOf(Catalogue.Of(typeAfter).Cameo))
            return Decision.Refuse(Refusal.Invalid("cameo", command.Cameo is null
                ? $"the development's CAMEO code {cameo} is not of {typeAfter}'s root {CameoScale.RootOf(Catalogue.Of(typeAfter).Cameo)}: correct its cameo too"
                : $"{cameo} is not a code of {typeAfter}'s CAMEO root {CameoScale.RootOf(Catalogue.Of(typeAfter).Cameo)}"));

        return Decision.Record(new DevelopmentCorrected
        {
            DevelopmentId = developmentId,
            Reason = command.Reason,
            OccurredOn = command.OccurredOn,
            Type = command.Type,
            Significance = command.Significance,
            Summary = command.Summary,
            CameoCode = command.Cameo,
        });
    }

    private static string ShapeRule(DevelopmentShape shape) => shape switch
    {
        DevelopmentShape.Agreement => "an agreement development can only become another agreement type",
        DevelopmentShape.Mission => "a mission development can only become MissionOpened or MissionClosed",
        _ => "a development without an agreement or mission cannot become an agreement or mission type",
    };
}
