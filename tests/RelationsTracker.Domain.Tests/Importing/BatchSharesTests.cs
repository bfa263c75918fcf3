using RelationsTracker.Importing;
using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

public class BatchSharesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void A_relation_is_always_in_the_same_share_and_the_shares_are_what_every_process_computes()
    {
        var relation = RelationId.Of("LBY-EAST", "TUR");

        Assert.Equal(BatchShares.ShareOf(relation, 4), BatchShares.ShareOf(RelationId.Of("LBY-EAST", "TUR"), 4));
        // FNV-1a of the id, fixed: a resumed import (another process) must form the same shares as the first run did.
        Assert.Equal((int)(Fnv1a("LBY-EAST~TUR") % 4), BatchShares.ShareOf(relation, 4));
        Assert.Equal(0, BatchShares.ShareOf(relation, 1));
    }

    [Fact]
    public void Only_developments_not_recorded_yet_are_new_by_relation_in_file_order_and_a_repeat_counts_as_already_imported()
    {
        var a1 = Row(2, "GRC~TUR", "2025-04-01");
        var b1 = Row(3, "EGY~TUR", "2025-04-02");
        var a2 = Row(4, "GRC~TUR", "2025-04-03");
        var recordedBefore = Row(5, "GRC~TUR", "2025-04-04");

        var (byRelation, already) = BatchShares.NewDevelopments([a1, b1, a2, recordedBefore, a1 with { Line = 6 }],
            [recordedBefore.Event.DevelopmentId]);

        Assert.Equal(2, already); // the row recorded before, and row 6 repeating row 2's development
        Assert.Equal(["GRC~TUR", "EGY~TUR"], byRelation.Keys);
        Assert.Equal([2L, 4L], byRelation["GRC~TUR"].Select(c => c.Line));
        Assert.Equal([3L], byRelation["EGY~TUR"].Select(c => c.Line));
    }

    [Fact]
    public void A_share_whose_developments_are_all_recorded_has_nothing_new()
    {
        var row = Row(2, "GRC~TUR", "2025-04-01");

        var (byRelation, already) = BatchShares.NewDevelopments([row], [row.Event.DevelopmentId]);

        Assert.Empty(byRelation);
        Assert.Equal(1, already);
    }

    private static ImportCandidate Row(long line, string relation, string date)
    {
        var (header, _) = CsvHeader.Parse(ImportRows.CsvColumns);
        string[] fields = [relation, "OfficialVisit", date, "TUR", "high", $"A visit on {date}", $"https://example.org/{line}"];
        return ImportRows.FromCsv(line, fields, header!, Today).Candidate!;
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
