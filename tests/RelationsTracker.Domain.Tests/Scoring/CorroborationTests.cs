using RelationsTracker.Developments;
using RelationsTracker.Scoring;

namespace RelationsTracker.Domain.Tests;

public class CorroborationTests
{
    private static readonly DateTimeOffset T0 = new(2025, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private static Development With(IReadOnlyList<Source> sources, params (ReportStance Stance, Source Source, int Minutes)[] reports)
    {
        var d = Dev.Of(DevelopmentType.MilitaryCooperation, "2025-08-25", recordedAt: T0) with { Sources = sources };
        return d with { Reports = [.. reports.Select((r, i) => new Report(Guid.NewGuid(), T0.AddMinutes(r.Minutes), d.LastVersion + 1 + i, r.Stance, r.Source, null, null))] };
    }

    [Theory]
    [InlineData("Kathimerini", null, null, "publisher:kathimerini")]
    [InlineData("  KATHIMERINI ", "https://www.ekathimerini.com/x", null, "publisher:kathimerini")]
    [InlineData(null, "https://www.ekathimerini.com/x", "ignored", "host:ekathimerini.com")]
    [InlineData(null, "https://EKATHIMERINI.com/y", null, "host:ekathimerini.com")]
    [InlineData(null, null, "  Al-Wasat print edition ", "citation:Al-Wasat print edition")]
    public void A_sources_key_is_its_publisher_else_its_host_without_www_else_its_citation(string? publisher, string? url, string? citation, string key) =>
        Assert.Equal(key, Corroboration.Key(new Source { Publisher = publisher, Url = url, Citation = citation }));

    [Fact]
    public void One_source_alone_is_a_factor_of_one()
    {
        var c = Corroboration.Of(With([new Source { Url = "https://example.org/a" }]), T0);
        Assert.Equal((1, 0, 1.0), (c.K, c.D, c.C));
    }

    [Fact]
    public void Confirmations_from_other_keys_add_a_quarter_each_up_to_two_and_the_same_key_twice_counts_once()
    {
        var own = new Source { Url = "https://www.example.org/a" };
        var d = With([own],
            (ReportStance.Confirms, new Source { Url = "https://example.org/b" }, 1),     // the same host: no new key
            (ReportStance.Confirms, new Source { Publisher = "Anadolu" }, 2),
            (ReportStance.Confirms, new Source { Publisher = "anadolu " }, 3),            // the same publisher
            (ReportStance.Confirms, new Source { Citation = "Turkish MoD statement" }, 4));

        var c = Corroboration.Of(d, T0.AddHours(1));
        Assert.Equal((3, 0, 1.5), (c.K, c.D, c.C));
        var many = With([own], [.. Enumerable.Range(0, 8).Select(i => (ReportStance.Confirms, new Source { Publisher = $"P{i}" }, i))]);
        Assert.Equal(2.0, Corroboration.Of(many, T0.AddHours(1)).C);
    }

    [Fact]
    public void A_dispute_takes_half_unless_its_key_also_confirms_and_the_factor_stays_at_least_a_quarter()
    {
        var d = With([new Source { Publisher = "Libya Observer" }],
            (ReportStance.Disputes, new Source { Publisher = "Libya Observer" }, 1),      // also among the confirming: not counted
            (ReportStance.Disputes, new Source { Publisher = "Al-Wasat" }, 2));
        var c = Corroboration.Of(d, T0.AddHours(1));
        Assert.Equal((1, 1, 0.5), (c.K, c.D, c.C));

        var disputed = With([new Source { Publisher = "A" }], [.. Enumerable.Range(0, 4).Select(i => (ReportStance.Disputes, new Source { Publisher = $"D{i}" }, i))]);
        Assert.Equal(0.25, Corroboration.Of(disputed, T0.AddHours(1)).C);
    }

    [Fact]
    public void A_report_counts_only_from_the_instant_it_was_recorded()
    {
        var d = With([new Source { Publisher = "A" }], (ReportStance.Confirms, new Source { Publisher = "B" }, 30));

        Assert.Equal(1, Corroboration.Of(d, T0.AddMinutes(29)).K);
        Assert.Equal(2, Corroboration.Of(d, T0.AddMinutes(30)).K);
    }
}
