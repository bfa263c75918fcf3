using RelationsTracker.Importing;
using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

public class ActorCheckTests
{
    [Fact]
    public void A_row_naming_an_actor_that_does_not_exist_is_rejected_and_a_mapped_one_missing_is_created_once()
    {
        var known = Row(2, new NeededActor("TUR", null), new NeededActor("GRC", null));
        var unknown = Row(3, new NeededActor("TUR", null), new NeededActor("XYZ", null));
        var mapped = Row(4, new NeededActor("TUR", null), new NeededActor("LBY-EAST", "Libya (east)"));
        var mappedAgain = Row(5, new NeededActor("LBY-EAST", "Libya, eastern authorities"), new NeededActor("TUR", null));

        var check = ActorCheck.Of([known, unknown, mapped, mappedAgain], new HashSet<string>(["TUR", "GRC"]));

        Assert.Equal([2L, 4L, 5L], check.Accepted.Select(c => c.Line));
        var rejected = Assert.Single(check.Rejected);
        Assert.Equal(new RejectedRow(3, "actor XYZ does not exist; create it with PUT /api/actors/XYZ first", RejectionKind.ActorMissing), rejected);
        // Created with the name its first row gives it.
        Assert.Equal([new NeededActor("LBY-EAST", "Libya (east)")], check.ToCreate);
    }

    [Fact]
    public void A_mapped_actor_that_exists_is_not_created_again()
    {
        var check = ActorCheck.Of([Row(2, new NeededActor("LBY-EAST", "Libya (east)"), new NeededActor("TUR", null))],
            new HashSet<string>(["TUR", "LBY-EAST"]));

        Assert.Single(check.Accepted);
        Assert.Empty(check.Rejected);
        Assert.Empty(check.ToCreate);
    }

    private static ImportCandidate Row(long line, NeededActor a, NeededActor b)
    {
        var (header, _) = CsvHeader.Parse(ImportRows.CsvColumns);
        string[] fields = [$"{a.Id}~{b.Id}", "OfficialVisit", "2025-04-01", "TUR", "high", "A visit", $"https://example.org/{line}"];
        var candidate = ImportRows.FromCsv(line, fields, header!, new DateOnly(2026, 12, 1)).Candidate!;
        return candidate with { Relation = RelationId.Of(a.Id, b.Id), Actors = [a, b] };
    }
}
