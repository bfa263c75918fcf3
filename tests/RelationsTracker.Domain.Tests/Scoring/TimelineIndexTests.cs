using System.Globalization;
using System.Text;
using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests;

/// <summary>The timeline index answers exactly as the reference, <see cref="RelationScoring"/>.</summary>
public class TimelineIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly int[] HalfLives = [1, 7, 30, 180, 365, 3650];

    [Theory]
    [InlineData("2019-12-31", -5.345, -21.1, -21.1, Direction.Cooling, Phase.Strained)]
    [InlineData("2025-04-04", 2.847, 11.3, 11.4, Direction.Warming, Phase.Neutral)]
    [InlineData("2025-09-01", 8.801, 33.8, 24.8, Direction.Warming, Phase.Cordial)]
    public void Reads_the_worked_example_to_the_decimal(string asOf, double raw, double score, double trend, Direction direction, Phase phase)
    {
        var known = RelationScoring.KnownAt(
        [
            Dev.Of(DevelopmentType.AgreementRejected, "2019-12", Significance.High, agreement: "maritime-mou-2019", title: "MoU"),
            Dev.Of(DevelopmentType.OfficialVisit, "2025-04-04", Significance.High),
            Dev.Of(DevelopmentType.MilitaryCooperation, "2025-08-25", Significance.Normal),
        ], T0);
        var index = TimelineIndex.Build(known);

        var reading = index.Read(DateOnly.Parse(asOf), WarmingScore.DefaultHalfLifeDays);

        Assert.Equal(3, index.Count);
        Assert.Equal((decimal)raw, reading.Raw);
        Assert.Equal((decimal)score, reading.Score);
        Assert.Equal((decimal)trend, reading.Trend);
        Assert.Equal(direction, reading.Direction);
        Assert.Equal(phase, reading.Phase);
        AssertSame(RelationScoring.Read(known, DateOnly.Parse(asOf), WarmingScore.DefaultHalfLifeDays), reading, asOf);
    }

    [Fact]
    public void An_empty_index_reads_a_neutral_zero()
    {
        var index = TimelineIndex.Build([]);
        var reading = index.Read(new DateOnly(2025, 1, 1), WarmingScore.DefaultHalfLifeDays);
        AssertSame(RelationScoring.Read([], new DateOnly(2025, 1, 1), WarmingScore.DefaultHalfLifeDays), reading, "empty");
        Assert.Equal(0, index.Count);
        Assert.Empty(index.Series([], 180));
    }

    [Fact]
    public void Refuses_developments_out_of_chronological_order()
    {
        var known = RelationScoring.KnownAt([Dev.Of(DevelopmentType.Aid, "2025-01-02"), Dev.Of(DevelopmentType.Aid, "2025-01-01")], T0);
        Assert.Throws<ArgumentException>(() => TimelineIndex.Build(known.Reverse().ToList()));
    }

    [Fact]
    public void Rounds_a_midpoint_as_the_reference_does()
    {
        // With whole half-lives the exact raw is 0.0375, a midpoint. The reference's order of additions
        // leaves it a hair above (0.038); summing each day first would leave it a hair below (0.037).
        var known = RelationScoring.KnownAt(
        [
            Dev.Of(DevelopmentType.AgreementSigned, "2025-03-01"),
            Dev.Of(DevelopmentType.OfficialVisit, "2025-03-01"),
            Dev.Of(DevelopmentType.Endorsement, "2025-03-03", Significance.Low),
            Dev.Of(DevelopmentType.Coercion, "2025-03-03", Significance.Low),
            Dev.Of(DevelopmentType.ArmedConflict, "2025-03-03", Significance.High),
            Dev.Of(DevelopmentType.IntentToCooperate, "2025-03-05", Significance.High),
        ], T0);
        var index = TimelineIndex.Build(known);
        var asOf = new DateOnly(2025, 3, 7);

        var expected = RelationScoring.Read(known, asOf, 2);
        Assert.Equal(0.038m, expected.Raw);
        AssertSame(expected, index.Read(asOf, 2), "midpoint");
        AssertSameSeries(RelationScoring.Series(known, [asOf], 2), index.Series([asOf], 2), "midpoint series");
    }

    [Fact]
    public void Writes_the_trailing_zeros_the_reference_writes()
    {
        // 3.5 − 10.5 + 7 is exactly 0 as one day's sum, but the reference adds the three decayed
        // contributions one by one and is left with −3.5e-18, which it writes as 0.000 (and not 0).
        var known = RelationScoring.KnownAt(
        [
            Dev.Of(DevelopmentType.Aid, "2025-03-01", Significance.Low),
            Dev.Of(DevelopmentType.Coercion, "2025-03-01", Significance.High),
            Dev.Of(DevelopmentType.Negotiation, "2025-03-01", Significance.Normal),
        ], T0);
        var asOf = new DateOnly(2025, 10, 31);
        var expected = RelationScoring.Read(known, asOf, 30);
        var actual = TimelineIndex.Build(known).Read(asOf, 30);

        Assert.Equal("0.000", expected.Raw.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.000", actual.Raw.ToString(CultureInfo.InvariantCulture));
        AssertSame(expected, actual, "a day that sums to exactly 0");
        AssertSameSeries(RelationScoring.Series(known, [asOf], 30), TimelineIndex.Build(known).Series([asOf], 30), "series");
    }

    [Fact]
    public void Top_contributors_with_identical_keys_keep_the_reference_order()
    {
        // Not possible in a real stream (versions are unique), but the order must still be the reference's.
        var recorded = Enumerable.Range(0, 9)
            .Select(i => Development.Recorded("LBY-EAST~TUR", new Aid
            {
                DevelopmentId = new Guid(i + 1, 0, 0, new byte[8]),
                OccurredOn = OccurrenceDate.Parse("2025-01-01"),
                Significance = Significance.Normal,
            }, T0, 7))
            .Append(Dev.Of(DevelopmentType.Coercion, "2024-12-31"));
        var known = RelationScoring.KnownAt(recorded, T0.AddYears(1));
        var asOf = new DateOnly(2025, 1, 5);
        AssertSame(RelationScoring.Read(known, asOf, 180), TimelineIndex.Build(known).Read(asOf, 180), "identical keys");
    }

    [Fact]
    public void Agrees_with_the_reference_on_random_histories()
    {
        var random = new Random(20250825);
        var reads = 0;
        for (var history = 0; history < 300; history++)
        {
            var style = (HistoryStyle)(history % 4);
            var developments = RandomHistory(random, random.Next(0, 201), style);
            var lastRecorded = developments.Count == 0 ? T0 : developments.Max(d => d.LastChangedAt);

            for (var k = 0; k < 3; k++)
            {
                var knownAt = k == 0 ? DateTimeOffset.MaxValue : T0.AddMinutes(random.Next(-10, (int)(lastRecorded - T0).TotalMinutes + 10));
                var known = RelationScoring.KnownAt(developments, knownAt);
                var index = TimelineIndex.Build(known);
                Assert.Equal(known.Count, index.Count);

                for (var r = 0; r < 8; r++)
                {
                    var halfLife = HalfLives[random.Next(HalfLives.Length)];
                    var asOf = RandomAsOf(random, known, halfLife);
                    var context = $"history {history} ({style}), knownAt {knownAt:O}, asOf {asOf:yyyy-MM-dd}, H {halfLife}";
                    AssertSame(RelationScoring.Read(known, asOf, halfLife), index.Read(asOf, halfLife), context);
                    reads++;
                }

                var seriesHalfLife = HalfLives[random.Next(HalfLives.Length)];
                var dates = Enumerable.Range(0, 20).Select(_ => RandomAsOf(random, known, seriesHalfLife)).ToList();
                AssertSameSeries(RelationScoring.Series(known, dates, seriesHalfLife), index.Series(dates, seriesHalfLife), $"history {history} series, H {seriesHalfLife}");
            }
        }
        Assert.Equal(300 * 3 * 8, reads);
    }

    [Fact]
    public void Agrees_with_the_reference_under_corroborated_weighting_on_random_histories_with_reports()
    {
        var random = new Random(20251201);
        string[] publishers = ["Anadolu", "anadolu ", "Kathimerini", "Al-Wasat", "Libya Observer"];
        string[] urls = ["https://www.example.org/a", "https://example.org/b", "https://EXAMPLE.org/c", "https://news.example.net/d"];
        for (var history = 0; history < 120; history++)
        {
            var developments = RandomHistory(random, random.Next(1, 120), (HistoryStyle)(history % 4))
                .Select(d =>
                {
                    // Sources and reports from a small pool of keys: shared publishers, hosts with and without www, disputes.
                    Source Pick() => random.Next(3) switch
                    {
                        0 => new Source { Publisher = publishers[random.Next(publishers.Length)], Citation = "c" },
                        1 => new Source { Url = urls[random.Next(urls.Length)] },
                        _ => new Source { Citation = $"citation {random.Next(4)}" },
                    };
                    var reports = Enumerable.Range(0, random.Next(0, 5)).Select(i => new Report(Guid.NewGuid(), d.RecordedAt.AddMinutes(random.Next(1, 2000)),
                        d.LastVersion + 1 + i, random.Next(4) == 0 ? ReportStance.Disputes : ReportStance.Confirms, Pick(), null, null)).ToList();
                    return d with { Sources = [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick())], Reports = reports };
                }).ToList();
            var last = developments.Max(d => d.LastChangedAt);
            for (var k = 0; k < 3; k++)
            {
                var knownAt = k == 0 ? DateTimeOffset.MaxValue : T0.AddMinutes(random.Next(0, (int)(last - T0).TotalMinutes + 2000));
                var byId = developments.ToDictionary(d => d.Id);
                var expected = RelationScoring.KnownAt(developments, knownAt).Select(f => f with { Corroboration = ReferenceC(byId[f.Id], knownAt) }).ToList();
                var index = TimelineIndex.Build(Development.KnownAt(developments, knownAt, Weighting.Corroborated));
                for (var r = 0; r < 6; r++)
                {
                    var halfLife = HalfLives[random.Next(HalfLives.Length)];
                    var asOf = RandomAsOf(random, expected, halfLife);
                    AssertSame(RelationScoring.Read(expected, asOf, halfLife), index.Read(asOf, halfLife), $"history {history}, knownAt {knownAt:O}, asOf {asOf:yyyy-MM-dd}, H {halfLife}");
                }
            }
        }
    }

    /// <summary>scoring.md's cᵢ, written again from the spec's words for the oracle.</summary>
    private static double ReferenceC(Development d, DateTimeOffset knownAt)
    {
        static string KeyOf(Source s) =>
            !string.IsNullOrWhiteSpace(s.Publisher) ? "p " + s.Publisher.Trim().ToUpperInvariant()
            : s.Url is not null ? "h " + System.Text.RegularExpressions.Regex.Replace(new Uri(s.Url).Host.ToLowerInvariant(), "^www\\.", "")
            : "c " + (s.Citation ?? "").Trim();
        var known = d.Reports.Where(r => r.RecordedAt <= knownAt).ToList();
        var confirming = new HashSet<string>(d.Sources.Select(KeyOf).Concat(known.Where(r => r.Stance == ReportStance.Confirms).Select(r => KeyOf(r.Source))));
        var disputing = new HashSet<string>(known.Where(r => r.Stance == ReportStance.Disputes).Select(r => KeyOf(r.Source)).Where(x => !confirming.Contains(x)));
        return Math.Min(2.0, Math.Max(0.25, 1 + 0.25 * (confirming.Count - 1) - 0.5 * disputing.Count));
    }

    [Fact]
    public void Agrees_with_the_reference_on_a_series_by_day_week_and_month()
    {
        var random = new Random(7);
        var known = RelationScoring.KnownAt(RandomHistory(random, 200, HistoryStyle.Mixed), DateTimeOffset.MaxValue);
        var index = TimelineIndex.Build(known);
        var from = new DateOnly(2014, 12, 15);
        IEnumerable<DateOnly>[] serieses =
        [
            Enumerable.Range(0, 365).Select(i => new DateOnly(2025, 1, 1).AddDays(i)),
            Enumerable.Range(0, 600).Select(i => from.AddDays(7 * i)),
            Enumerable.Range(0, 150).Select(i => from.AddMonths(i)),
        ];
        foreach (var dates in serieses)
        {
            foreach (var halfLife in HalfLives)
            {
                AssertSameSeries(RelationScoring.Series(known, dates, halfLife), index.Series(dates, halfLife), $"H {halfLife}");
            }
        }
    }

    [Fact]
    public void Agrees_with_the_reference_on_a_hundred_thousand_developments()
    {
        var random = new Random(100_000);
        var known = RelationScoring.KnownAt(RandomHistory(random, 100_000, HistoryStyle.Mixed, withHistory: false), DateTimeOffset.MaxValue);
        var index = TimelineIndex.Build(known);
        Assert.Equal(100_000, index.Count);

        var asOf = new DateOnly(2026, 6, 30);
        AssertSame(RelationScoring.Read(known, asOf, 180), index.Read(asOf, 180), "100,000 at 2026-06-30");
        var midway = new DateOnly(2020, 3, 17);
        AssertSame(RelationScoring.Read(known, midway, 30), index.Read(midway, 30), "100,000 at 2020-03-17");
        DateOnly[] dates = [new(2014, 1, 1), new(2016, 2, 29), new(2021, 7, 1), new(2026, 12, 31)];
        AssertSameSeries(RelationScoring.Series(known, dates, 365), index.Series(dates, 365), "100,000 series");
    }

    // ---- Comparing ----

    private static void AssertSame(RelationReading expected, RelationReading actual, string context)
    {
        // The rendering writes every reported value as the JSON does (trailing zeros included), so a failure
        // shows what differs and where.
        var (e, a) = (Reported(expected), Reported(actual));
        if (e != a)
        {
            Assert.Fail($"{context}\nexpected:\n{e}actual:\n{a}unrounded raw, score, trend: " +
                $"{expected.RawValue:R} {expected.ScoreValue:R} {expected.TrendValue:R} vs {actual.RawValue:R} {actual.ScoreValue:R} {actual.TrendValue:R}");
        }
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Raw, actual.Raw);
        Assert.Equal(expected.Trend, actual.Trend);
        Assert.Equal(expected.Phase, actual.Phase);
        Assert.Equal(expected.Direction, actual.Direction);
        Assert.Equal(expected.Agreements, actual.Agreements);
        Assert.Equal(expected.Missions, actual.Missions);
        Assert.Equal(expected.Military, actual.Military);
        Assert.Equal(expected.LastContact, actual.LastContact);
        Assert.Equal(expected.VisitsLast365Days, actual.VisitsLast365Days);
        Assert.Equal(expected.DevelopmentCount, actual.DevelopmentCount);
        Assert.Equal(
            expected.TopContributors.Select(c => (c.Id, c.Type, c.OccurredOn, c.Contribution)),
            actual.TopContributors.Select(c => (c.Id, c.Type, c.OccurredOn, c.Contribution)));
        // The unrounded values differ at most by the order of the additions.
        AssertClose(expected.RawValue, actual.RawValue, context);
        AssertClose(expected.ScoreValue, actual.ScoreValue, context);
        AssertClose(expected.TrendValue, actual.TrendValue, context);
    }

    private static void AssertSameSeries(IReadOnlyList<ScorePoint> expected, IReadOnlyList<ScorePoint> actual, string context)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(
                string.Create(CultureInfo.InvariantCulture, $"{context} {e.Date:yyyy-MM-dd}: {e.Raw} {e.Score} {e.Phase}"),
                string.Create(CultureInfo.InvariantCulture, $"{context} {a.Date:yyyy-MM-dd}: {a.Raw} {a.Score} {a.Phase}"));
            AssertClose(e.RawValue, a.RawValue, context);
        }
    }

    private static void AssertClose(double expected, double actual, string context) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{context}: {expected:R} vs {actual:R}");

    private static string Reported(RelationReading r)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"score {r.Score} raw {r.Raw} trend {r.Trend} {r.Phase} {r.Direction}");
        text.AppendLine(CultureInfo.InvariantCulture, $"count {r.DevelopmentCount} visits {r.VisitsLast365Days} military {r.Military} lastContact {r.LastContact}");
        foreach (var a in r.Agreements) text.AppendLine(a.ToString());
        foreach (var m in r.Missions) text.AppendLine(m.ToString());
        foreach (var c in r.TopContributors) text.AppendLine(CultureInfo.InvariantCulture, $"top {c.Id} {c.Type} {c.OccurredOn} {c.Contribution}");
        return text.ToString();
    }

    // ---- Random histories ----

    private enum HistoryStyle
    {
        /// <summary>Any type, date, significance.</summary>
        Mixed,
        /// <summary>A handful of days and types of equal weight: many same-day developments and contribution ties.</summary>
        Crowded,
        /// <summary>Mixed, recorded at only a few distinct moments (ties broken by stream version).</summary>
        SameMoments,
        /// <summary>Mostly agreements, missions, visits, contacts and military cooperation.</summary>
        Stateful,
    }

    private static readonly DevelopmentType[] AllTypes = Enum.GetValues<DevelopmentType>();

    // |7.0|, |4.0|: equal weights within each.
    private static readonly DevelopmentType[] EqualWeightTypes =
    [
        DevelopmentType.Negotiation, DevelopmentType.IntelligenceSharing, DevelopmentType.Aid, DevelopmentType.MilitaryThreat, DevelopmentType.Coercion,
        DevelopmentType.IntentToCooperate, DevelopmentType.Rejection, DevelopmentType.AgreementRejected, DevelopmentType.RelationsReduced,
        DevelopmentType.AgreementSuspended, DevelopmentType.MissionClosed,
    ];

    private static readonly DevelopmentType[] StatefulTypes =
    [
        DevelopmentType.AgreementSigned, DevelopmentType.AgreementRatified, DevelopmentType.AgreementRejected, DevelopmentType.AgreementSuspended,
        DevelopmentType.MissionOpened, DevelopmentType.MissionClosed, DevelopmentType.OfficialVisit, DevelopmentType.Consultation,
        DevelopmentType.Negotiation, DevelopmentType.MilitaryCooperation, DevelopmentType.Statement,
    ];

    private static readonly string[] Slugs = ["maritime-mou-2019", "security-accord", "Security-accord", "trade-pact-2020", "b"];

    private static readonly Mission[] MissionsPool =
    [
        new("TUR", "consulate", "Benghazi"), new("TUR", "embassy", "Tripoli"), new("LBY-EAST", "embassy", "Ankara"),
        new("LBY-EAST", "consulate", "Istanbul"), new("TUR", "consulate", "Misrata"),
    ];

    private static List<Development> RandomHistory(Random random, int count, HistoryStyle style, bool withHistory = true)
    {
        var crowdedDays = Enumerable.Range(0, 3).Select(_ => new DateOnly(2024, 1, 1).AddDays(random.Next(0, 20))).ToArray();
        var recordedMinutes = Enumerable.Range(0, count)
            .Select(_ => style == HistoryStyle.SameMoments ? random.Next(0, 4) * 60 : random.Next(0, 100_000))
            .Order()
            .ToArray();
        var developments = new List<Development>(count);
        long version = 0;
        for (var i = 0; i < count; i++)
        {
            var type = style switch
            {
                HistoryStyle.Crowded => EqualWeightTypes[random.Next(EqualWeightTypes.Length)],
                HistoryStyle.Stateful => StatefulTypes[random.Next(StatefulTypes.Length)],
                _ => AllTypes[random.Next(AllTypes.Length)],
            };
            var occurredOn = style == HistoryStyle.Crowded && random.Next(10) > 0
                ? CrowdedDate(random, crowdedDays)
                : RandomDate(random);
            var significance = style == HistoryStyle.Crowded && random.Next(4) > 0 ? Significance.Normal : (Significance)random.Next(3);
            var e = DevelopmentRecorded.Blank(type) with
            {
                DevelopmentId = RandomGuid(random),
                OccurredOn = occurredOn,
                Actor = random.Next(2) == 0 ? "TUR" : "LBY-EAST",
                Summary = $"{type} {i}",
                Significance = significance,
            };
            e = e switch
            {
                AgreementDevelopment a => a with
                {
                    Agreement = Slugs[random.Next(Slugs.Length)],
                    Title = random.Next(3) == 0 ? null : $"Title {random.Next(1000)}",
                },
                MissionDevelopment m => m with { Mission = MissionsPool[random.Next(MissionsPool.Length)] },
                _ => e,
            };
            developments.Add(Development.Recorded("LBY-EAST~TUR", e, T0.AddMinutes(recordedMinutes[i]), ++version));
        }
        if (!withHistory) return developments;

        // Corrections and retractions, recorded later than the development, in stream order.
        for (var i = 0; i < developments.Count; i++)
        {
            var d = developments[i];
            if (random.Next(4) == 0)
            {
                var corrections = new List<Correction>();
                var at = d.RecordedAt;
                for (var c = random.Next(1, 4); c > 0; c--)
                {
                    at = at.AddMinutes(random.Next(0, 20_000));
                    corrections.Add(new Correction(
                        at,
                        ++version,
                        "correction",
                        random.Next(2) == 0 ? RandomDate(random) : null,
                        random.Next(3) == 0 ? SameShapeType(random, d.Type) : null,
                        random.Next(2) == 0 ? (Significance)random.Next(3) : null,
                        random.Next(3) == 0 ? "corrected" : null));
                }
                d = d with { Corrections = corrections };
            }
            if (random.Next(8) == 0)
            {
                d = d with { Retraction = new Retraction(d.RecordedAt.AddMinutes(random.Next(0, 50_000)), ++version, "wrong", []) };
            }
            developments[i] = d;
        }
        return developments;
    }

    /// <summary>Mostly a type of the same shape (as the API would allow), sometimes any type at all.</summary>
    private static DevelopmentType SameShapeType(Random random, DevelopmentType type)
    {
        if (random.Next(5) == 0) return AllTypes[random.Next(AllTypes.Length)];
        var shape = Catalogue.Of(type).Shape;
        var same = AllTypes.Where(t => Catalogue.Of(t).Shape == shape).ToArray();
        return same[random.Next(same.Length)];
    }

    private static OccurrenceDate RandomDate(Random random)
    {
        var year = random.Next(2015, 2027);
        var month = random.Next(1, 13);
        return random.Next(3) switch
        {
            0 => OccurrenceDate.Year(year),
            1 => OccurrenceDate.Month(year, month),
            _ => OccurrenceDate.Day(new DateOnly(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1))),
        };
    }

    private static OccurrenceDate CrowdedDate(Random random, DateOnly[] days)
    {
        var day = days[random.Next(days.Length)];
        return random.Next(6) switch
        {
            0 => OccurrenceDate.Month(day.Year, day.Month),
            1 => OccurrenceDate.Year(day.Year),
            _ => OccurrenceDate.Day(day),
        };
    }

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Before everything, after everything, on and around effective dates (whole half-lives after them too), or anywhere.</summary>
    private static DateOnly RandomAsOf(Random random, IReadOnlyList<DevelopmentFacts> known, int halfLife)
    {
        var pick = random.Next(10);
        if (known.Count == 0 || pick == 0) return new DateOnly(2014, 1, 1).AddDays(random.Next(0, 14 * 366));
        var effective = known[random.Next(known.Count)].EffectiveDate;
        return pick switch
        {
            1 => known[0].EffectiveDate.AddDays(-random.Next(1, 400)),
            2 => known[^1].EffectiveDate.AddDays(random.Next(0, 3000)),
            3 or 4 => effective,
            5 => effective.AddDays(random.Next(-1, 2)),
            6 => effective.AddDays(halfLife * random.Next(1, 4)),
            7 => effective.AddDays(random.Next(2) == 0 ? WarmingScore.TrendDays : WarmingScore.WindowDays - random.Next(0, 2)),
            _ => new DateOnly(2015, 1, 1).AddDays(random.Next(0, 12 * 366)),
        };
    }
}
