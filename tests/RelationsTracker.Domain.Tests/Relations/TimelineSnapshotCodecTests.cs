using System.Text.Json;
using RelationsTracker.Developments;
using RelationsTracker.Relations;

namespace RelationsTracker.Domain.Tests;

public class TimelineSnapshotCodecTests
{
    [Fact]
    public void A_history_reads_back_from_its_snapshot_bytes_field_for_field()
    {
        var t0 = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(6);
        var mission = new Development
        {
            Id = Guid.NewGuid(), Relation = "A~B", RecordedAt = t0, RecordedVersion = 3, LastVersion = 9,
            Type = DevelopmentType.MissionOpened, OccurredOn = OccurrenceDate.Month(2024, 5), Actor = "A", Summary = "Opened",
            Significance = Significance.High, Mission = new Mission("A", "consulate", "Benghazi"), CameoCode = "064",
            Sources = [new Source { Url = "https://example.org/a", Publisher = "Example", PublishedOn = OccurrenceDate.Year(2024), Language = "ar" }, new Source { Citation = "Print" }],
            Corrections =
            [
                new Correction(t0.AddHours(1), 4, "date", OccurrenceDate.Day(new DateOnly(2024, 5, 6)), null, null, null),
                new Correction(t0.AddHours(2), 5, "all", null, DevelopmentType.Negotiation, Significance.Low, "Talks", "046"),
            ],
            Retraction = new Retraction(t0.AddHours(3), 9, "wrong", [new Source { Citation = "x" }]),
            Reports = [new Report(Guid.NewGuid(), t0.AddMinutes(30), 6, ReportStance.Disputes, new Source { Url = "https://www.other.org/b" }, "q", null)],
        };
        var agreement = new Development
        {
            Id = Guid.NewGuid(), Relation = "A~B", RecordedAt = t0.ToOffset(TimeSpan.FromHours(2)), RecordedVersion = 1, LastVersion = 1,
            Type = DevelopmentType.AgreementSigned, OccurredOn = OccurrenceDate.Day(new DateOnly(2019, 11, 27)), Actor = "B", Summary = "Opened",
            Significance = Significance.Normal, Agreement = "mou", Title = "The MoU", Sources = [new Source { Url = "https://example.org/a", Publisher = "Example" }],
        };
        DevelopmentHistory[] histories = [DevelopmentHistory.Of(mission), DevelopmentHistory.Of(agreement)];

        var read = TimelineSnapshotCodec.Decode(TimelineSnapshotCodec.Encode(histories));

        Assert.Equal(JsonSerializer.Serialize(histories), JsonSerializer.Serialize(read));
        Assert.Equal(histories[1].RecordedAt.Offset, read[1].RecordedAt.Offset);
    }
}
