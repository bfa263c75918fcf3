using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests;

/// <summary>The ledger that follows events one by one agrees with the reference after every event.</summary>
public class ScoreLedgerTests
{
    [Fact]
    public void After_every_recording_correction_and_retraction_the_score_is_the_references()
    {
        var random = new Random(20251123);
        var types = Enum.GetValues<DevelopmentType>();
        var histories = new Dictionary<Guid, Development>();
        var ledger = ScoreLedger.Of([], 0);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        for (long version = 1; version <= 600; version++)
        {
            at = at.AddSeconds(1);
            IDevelopmentEvent e;
            var existing = histories.Values.Where(d => d.Retraction is null).ToList();
            var roll = random.Next(10);
            if (existing.Count > 0 && roll == 0)
                e = new DevelopmentRetracted(existing[random.Next(existing.Count)].Id, "r", []);
            else if (existing.Count > 0 && roll <= 2)
                e = new DevelopmentCorrected
                {
                    DevelopmentId = existing[random.Next(existing.Count)].Id,
                    Reason = "r",
                    Significance = random.Next(2) == 0 ? (Significance)random.Next(3) : null,
                    OccurredOn = random.Next(2) == 0 ? OccurrenceDate.Day(new DateOnly(2020, 1, 1).AddDays(random.Next(2000))) : null,
                };
            else
            {
                var type = types[random.Next(types.Length)];
                var recorded = DevelopmentRecorded.Blank(type) with
                {
                    DevelopmentId = Guid.NewGuid(),
                    OccurredOn = OccurrenceDate.Day(new DateOnly(2020, 1, 1).AddDays(random.Next(2000))),
                    Significance = (Significance)random.Next(3),
                };
                e = recorded is MissionDevelopment m ? m with { Mission = new Mission("TUR", "embassy", "X") } : recorded;
            }

            histories.TryGetValue(e.DevelopmentId, out var current);
            histories[e.DevelopmentId] = Development.Evolve(current, "A~B", e, at, version)!;
            ledger.Apply(e, at, version);

            var known = RelationScoring.KnownAt(histories.Values, at);
            // Another half-life, and the default, whose decays the ledger remembers (out to 60 years here).
            foreach (var halfLife in new[] { 90, WarmingScore.DefaultHalfLifeDays })
            foreach (var asOf in new[] { new DateOnly(2021, 6, 1), new DateOnly(2025, 9, 1), new DateOnly(2080, 1, 1) })
            {
                var expected = RelationScoring.Raw(known, asOf, halfLife);
                Assert.Equal(expected, ledger.Raw(asOf, halfLife), 9);
                Assert.Equal(WarmingScore.RoundScore(WarmingScore.Score(expected)), ledger.Score(asOf, halfLife));
            }
            Assert.Equal(known.Count, ledger.Count);
        }
    }
}
