using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Writing;

/// <summary>An analyst records a development in a relation: every field already checked on its own.</summary>
public sealed record RecordDevelopment(
    DevelopmentType Type,
    OccurrenceDate OccurredOn,
    string Actor,
    string Summary,
    Significance Significance,
    IReadOnlyList<Source> Sources,
    string? Agreement,
    string? Title,
    Mission? Mission,
    string? Cameo = null)
{
    /// <summary>Decides on the relation's current state: an agreement needs its title the first time the relation sees it.</summary>
    public static Decision Decide(RecordDevelopment command, Relation? relation, Guid developmentId)
    {
        if (command.Agreement is { } slug && command.Title is null && relation?.KnowsAgreement(slug) != true)
            return Decision.Refuse(Refusal.Invalid("title", $"is required the first time agreement '{slug}' is recorded in this relation"));

        var recorded = DevelopmentRecorded.Blank(command.Type) with
        {
            DevelopmentId = developmentId,
            OccurredOn = command.OccurredOn,
            Actor = command.Actor,
            Summary = command.Summary,
            Significance = command.Significance,
            Sources = command.Sources,
            CameoCode = command.Cameo,
        };
        recorded = recorded switch
        {
            AgreementDevelopment agreement => agreement with { Agreement = command.Agreement!, Title = command.Title },
            MissionDevelopment mission => mission with { Mission = command.Mission! },
            _ => recorded,
        };
        return Decision.Record(recorded);
    }
}
