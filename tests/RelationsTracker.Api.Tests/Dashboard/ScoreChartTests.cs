using System.Globalization;
using System.Xml.Linq;
using RelationsTracker.Api.Dashboard;

namespace RelationsTracker.Api.Tests.Dashboard;

/// <summary>The score chart as a pure function: no host, no database.</summary>
public class ScoreChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateTimeOffset KnownAt = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The demo relation's shape: hostile in late 2019, warm in 2025.</summary>
    private static ScoreChart DemoLike(DateOnly? asOf = null, decimal asOfScore = 85.3m, string relation = "LBY-EAST~TUR")
    {
        var from = new DateOnly(2019, 11, 1);
        var to = new DateOnly(2025, 12, 31);
        var points = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1)
            .Select(i => from.AddDays(i))
            .Select(d => new ChartPoint(d, d.Year < 2020 ? -27.8m : d.Year < 2024 ? -0.1m : d.Year < 2025 ? 11.5m : 85.3m))
            .ToList();
        return new ScoreChart(relation, from, to, "day", KnownAt, 180, points,
            [
                new ChartDevelopment(new DateOnly(2019, 12, 1), "2019-12", "AgreementRejected", -6),
                new ChartDevelopment(new DateOnly(2025, 8, 24), "2025-08-24", "MilitaryCooperation", 11.1),
                new ChartDevelopment(new DateOnly(2030, 1, 1), "2030", "Statement", 0), // outside the range: not drawn
            ],
            new ChartPoint(asOf ?? new DateOnly(2025, 8, 31), asOfScore));
    }

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static (double X, double Y)[] PolylinePoints(XElement root) =>
        root.Descendants(Svg + "polyline").Single().Attribute("points")!.Value
            .Split(' ')
            .Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToArray();

    [Fact]
    public void It_is_a_well_formed_svg_document_with_a_title_and_a_description()
    {
        var root = Parse(DemoLike().Render());
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("0 0 800 360", root.Attribute("viewBox")!.Value);
        Assert.Equal("img", root.Attribute("role")!.Value);
        Assert.Equal("score-title score-desc", root.Attribute("aria-labelledby")!.Value);
        Assert.Equal("Warming score of LBY-EAST~TUR, 2019-11-01 to 2025-12-31", root.Element(Svg + "title")!.Value);
        var desc = root.Element(Svg + "desc")!.Value;
        Assert.Contains("from 2019-11-01 to 2025-12-31 by day", desc);
        Assert.Contains("recorded by 2026-01-15T09:30:00Z", desc);
        Assert.Contains("half-life of 180 days", desc);
        Assert.Contains("Lowest -27.8 (strained) on 2019-11-01", desc);
        Assert.Contains("highest 85.3 (close) on 2025-01-01", desc);
        Assert.Contains("As of 2025-08-31: 85.3, close.", desc);
        Assert.Contains("2 developments in this range.", desc);
        Assert.Empty(root.Descendants(Svg + "script"));
    }

    [Fact]
    public void Every_point_is_inside_the_plot_in_date_order_and_on_the_score_scale()
    {
        var chart = DemoLike();
        var points = PolylinePoints(Parse(chart.Render()));
        Assert.Equal(chart.Points.Count, points.Length);
        Assert.All(points, p =>
        {
            Assert.InRange(p.X, ScoreChart.Left, ScoreChart.Right);
            Assert.InRange(p.Y, ScoreChart.Top, ScoreChart.Bottom);
        });
        Assert.True(points.Zip(points.Skip(1)).All(pair => pair.First.X <= pair.Second.X));
        Assert.Equal(ScoreChart.Left, points[0].X);
        Assert.Equal(ScoreChart.Right, points[^1].X);
        // 85.3 sits 14.7/200 of the plot's height below +100.
        Assert.Equal(Math.Round(ScoreChart.Top + 14.7 / 200 * (ScoreChart.Bottom - ScoreChart.Top), 1), points[^1].Y);
    }

    [Fact]
    public void The_score_scale_runs_from_plus_100_at_the_top_to_minus_100_at_the_bottom_with_the_phase_thresholds()
    {
        Assert.Equal(ScoreChart.Top, ScoreChart.Y(100));
        Assert.Equal(ScoreChart.Bottom, ScoreChart.Y(-100));
        Assert.Equal((ScoreChart.Top + ScoreChart.Bottom) / 2.0, ScoreChart.Y(0));
        Assert.Equal(ScoreChart.Top, ScoreChart.Y(140)); // never outside the plot

        var root = Parse(DemoLike().Render());
        var labels = root.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "score-axis")
            .Elements(Svg + "text").Select(t => t.Value);
        Assert.Equal(["-100", "-50", "-15", "0", "15", "50", "100"], labels);
        var bands = root.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "phases")
            .Elements(Svg + "text").Select(t => t.Value);
        Assert.Equal(["hostile", "strained", "neutral", "cordial", "close"], bands);
    }

    [Fact]
    public void AsOf_is_marked_with_its_score_and_phase_when_inside_the_range_and_not_otherwise()
    {
        var inside = Parse(DemoLike(new DateOnly(2020, 6, 30), -19.9m).Render());
        var marker = inside.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "as-of");
        Assert.Equal("asOf 2020-06-30: -19.9 strained", marker.Element(Svg + "text")!.Value);
        var x = double.Parse(marker.Element(Svg + "line")!.Attribute("x1")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(ScoreChart.X(new DateOnly(2020, 6, 30), new DateOnly(2019, 11, 1), new DateOnly(2025, 12, 31)), 1), x);

        var outside = Parse(DemoLike(new DateOnly(2030, 1, 1), 0m).Render());
        Assert.DoesNotContain(outside.Descendants(Svg + "g"), g => g.Attribute("class")?.Value == "as-of");
    }

    [Fact]
    public void Developments_in_range_are_ticks_that_say_what_they_were()
    {
        var root = Parse(DemoLike().Render());
        var ticks = root.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "developments").Elements(Svg + "line").ToList();
        Assert.Equal(2, ticks.Count);
        Assert.Equal("2019-12 AgreementRejected (-6.0)", ticks[0].Element(Svg + "title")!.Value);
        Assert.Equal("#c62828", ticks[0].Attribute("stroke")!.Value);
        Assert.Equal("2025-08-24 MilitaryCooperation (+11.1)", ticks[1].Element(Svg + "title")!.Value);
        Assert.Equal("#2e7d32", ticks[1].Attribute("stroke")!.Value);
    }

    [Fact]
    public void Text_is_escaped()
    {
        var svg = DemoLike(relation: "A<&>\"'B").Render();
        var root = Parse(svg);
        Assert.Equal("Warming score of A<&>\"'B, 2019-11-01 to 2025-12-31", root.Element(Svg + "title")!.Value);
        Assert.DoesNotContain("A<&>", svg);
    }

    [Fact]
    public void The_output_is_the_same_whatever_the_culture()
    {
        var expected = DemoLike().Render();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "fr-FR", "de-DE", "ar-SA", "fa-IR" })
            {
                CultureInfo culture;
                try { culture = CultureInfo.GetCultureInfo(name); }
                catch (CultureNotFoundException) { continue; } // invariant globalization: nothing to differ
                CultureInfo.CurrentCulture = culture;
                Assert.Equal(expected, DemoLike().Render());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void An_empty_series_is_still_a_valid_chart()
    {
        var chart = new ScoreChart("AAA~BBB", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), "day", KnownAt, 180, [], [], null);
        var root = Parse(chart.Render());
        Assert.Empty(root.Descendants(Svg + "polyline"));
        Assert.Contains("No development in this range.", root.Element(Svg + "desc")!.Value);
    }

    [Theory]
    [InlineData("2019-11-01", "2025-08-31", new[] { "2020", "2021", "2022", "2023", "2024", "2025" })]
    [InlineData("2025-01-01", "2025-12-31", new[] { "2025-01", "2025-03", "2025-05", "2025-07", "2025-09", "2025-11" })]
    [InlineData("2025-08-20", "2025-08-31", new[] { "2025-08-20", "2025-08-22", "2025-08-24", "2025-08-26", "2025-08-28", "2025-08-30" })]
    [InlineData("1900-01-01", "2025-12-31", new[] { "1900", "1920", "1940", "1960", "1980", "2000", "2020" })]
    [InlineData("2025-08-31", "2025-08-31", new[] { "2025-08-31" })]
    public void The_time_axis_has_at_most_eight_ticks_on_round_dates(string from, string to, string[] labels)
    {
        var ticks = ChartTimeAxis.Ticks(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));
        Assert.Equal(labels, ticks.Select(t => t.Label));
    }
}
