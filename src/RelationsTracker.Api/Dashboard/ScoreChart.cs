using System.Globalization;
using System.Security;
using System.Text;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Dashboard;

/// <summary>
/// What the score chart shows: the series of one relation from <see cref="From"/> to <see cref="To"/> as known at
/// <see cref="KnownAt"/>, the developments on its time axis, the reading at asOf (drawn when in range), and the
/// <see cref="Lines"/> it is compared with (other relations, or itself as known at another instant), with a legend.
/// </summary>
public sealed record ScoreChart(
    string Relation,
    DateOnly From,
    DateOnly To,
    string Step,
    DateTimeOffset KnownAt,
    int HalfLifeDays,
    IReadOnlyList<ChartPoint> Points,
    IReadOnlyList<ChartDevelopment> Developments,
    ChartPoint? AsOf,
    IReadOnlyList<ChartLine>? Lines = null,
    Weighting Weighting = Weighting.Plain)
{
    public const string OwnColour = "#1f3a5f";
    /// <summary>The colours of compared relations, in order; chosen to stay apart for the common colour blindnesses.</summary>
    public static readonly IReadOnlyList<string> LineColours = ["#d95f02", "#7570b3", "#1b9e77", "#e7298a"];

    private IReadOnlyList<ChartLine> Others => Lines ?? [];
    public const int Width = 800;
    public const int Height = 360;
    public const int Left = 52;
    public const int Right = Width - 86;
    public const int Top = 44;
    public const int Bottom = Height - 40;

    // Bands follow WarmingScore.PhaseOf: ≤ −50 hostile, ≤ −15 strained, < 15 neutral, < 50 cordial, else close.
    private static readonly (Phase Phase, int Low, int High, string Fill)[] Bands =
    [
        (Phase.Hostile, -100, -50, "#f2c4bf"),
        (Phase.Strained, -50, -15, "#f9e0c7"),
        (Phase.Neutral, -15, 15, "#eeeeee"),
        (Phase.Cordial, 15, 50, "#dcebd3"),
        (Phase.Close, 50, 100, "#bcdcae"),
    ];

    private static readonly int[] ScoreTicks = [-100, -50, -15, 0, 15, 50, 100];

    public static double X(DateOnly date, DateOnly from, DateOnly to)
    {
        var span = Math.Max(1, to.DayNumber - from.DayNumber);
        return Left + (double)(date.DayNumber - from.DayNumber) / span * (Right - Left);
    }

    public static double Y(decimal score) => Top + (double)(100 - Math.Clamp(score, -100, 100)) / 200 * (Bottom - Top);

    /// <summary>The chart as a standalone SVG document: deterministic (invariant culture), no script, no style sheet.</summary>
    public string Render()
    {
        var svg = new StringBuilder(4096 + Points.Count * 14);
        var compared = Others.Where(l => !l.Dashed).Select(l => l.Label).ToList();
        var title = $"Warming score of {Relation}{(compared.Count > 0 ? $" and {string.Join(", ", compared)}" : "")}, {Day(From)} to {Day(To)}";
        svg.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" "))
            .Append("role=\"img\" aria-labelledby=\"score-title score-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"11\">\n");
        svg.Append("<title id=\"score-title\">").Append(Escape(title)).Append("</title>\n");
        svg.Append("<desc id=\"score-desc\">").Append(Escape(Description())).Append("</desc>\n");
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n"));

        // Heading: what, and from which point of view.
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"18\" font-size=\"14\" font-weight=\"600\" fill=\"#1d2733\">"))
            .Append(Escape($"{Relation} · warming score")).Append("</text>\n");
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"34\" fill=\"#55606e\">"))
            .Append(Escape($"{Day(From)} to {Day(To)} by {Step} · known at {Instant(KnownAt)} · half-life {HalfLifeDays} days"
                           + (Weighting == Weighting.Corroborated ? " · weighed by corroboration" : "")))
            .Append("</text>\n");

        // Phase bands with their names at the right.
        svg.Append("<g class=\"phases\">\n");
        foreach (var (phase, low, high, fill) in Bands)
        {
            var top = Y(high);
            var bottom = Y(low);
            svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{N(top)}\" width=\"{Right - Left}\" height=\"{N(bottom - top)}\" fill=\"{fill}\"><title>{phase.Name()}: {low} to {high}</title></rect>\n"));
            svg.Append(Invariant($"<text x=\"{Right + 6}\" y=\"{N((top + bottom) / 2 + 4)}\" fill=\"#3b4652\">{phase.Name()}</text>\n"));
        }
        svg.Append("</g>\n");

        // Score axis: the phase thresholds, and zero.
        svg.Append("<g class=\"score-axis\">\n");
        foreach (var tick in ScoreTicks)
        {
            var y = N(Y(tick));
            var stroke = tick == 0 ? "#7a8593" : "#ffffff";
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Right}\" y2=\"{y}\" stroke=\"{stroke}\" stroke-width=\"1\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\" fill=\"#3b4652\">{tick}</text>\n"));
        }
        svg.Append("</g>\n");

        // Time axis.
        svg.Append("<g class=\"time-axis\">\n");
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{Right}\" y2=\"{Bottom}\" stroke=\"#3b4652\" stroke-width=\"1\"/>\n"));
        foreach (var (date, label) in ChartTimeAxis.Ticks(From, To))
        {
            var x = N(X(date, From, To));
            svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{Bottom}\" x2=\"{x}\" y2=\"{Bottom + 5}\" stroke=\"#3b4652\" stroke-width=\"1\"/>\n"));
            svg.Append(Invariant($"<text x=\"{x}\" y=\"{Bottom + 18}\" text-anchor=\"middle\" fill=\"#3b4652\">{label}</text>\n"));
        }
        svg.Append("</g>\n");

        // Developments: a tick each at the date it counts from, green if it warms, red if it cools.
        svg.Append("<g class=\"developments\">\n");
        foreach (var d in Developments.Where(d => d.EffectiveDate >= From && d.EffectiveDate <= To))
        {
            var x = N(X(d.EffectiveDate, From, To));
            var colour = d.SignedWeight > 0 ? "#2e7d32" : d.SignedWeight < 0 ? "#c62828" : "#6b7480";
            svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{Bottom - 10}\" x2=\"{x}\" y2=\"{Bottom}\" stroke=\"{colour}\" stroke-width=\"2\">"))
                .Append("<title>").Append(Escape(Invariant($"{d.OccurredOn} {d.Type} ({d.SignedWeight:+0.0;-0.0;0})"))).Append("</title></line>\n");
        }
        svg.Append("</g>\n");

        // The lines compared with, under the score, then the score.
        foreach (var line in Others) Polyline(svg, line.Points, "compared", line.Colour, line.Dashed, line.Label);
        Polyline(svg, Points, "score", OwnColour, dashed: false, Others.Count > 0 ? $"{Relation}, known at {Instant(KnownAt)}" : null);
        if (Others.Count > 0) Legend(svg);

        // asOf, when it falls inside the range drawn.
        if (AsOf is { } asOf && asOf.Date >= From && asOf.Date <= To)
        {
            var x = X(asOf.Date, From, To);
            var y = Y(asOf.Score);
            var anchor = x > (Left + Right) / 2.0 ? "end" : "start";
            var labelX = anchor == "end" ? x - 6 : x + 6;
            svg.Append("<g class=\"as-of\">\n");
            svg.Append(Invariant($"<line x1=\"{N(x)}\" y1=\"{Top}\" x2=\"{N(x)}\" y2=\"{Bottom}\" stroke=\"#b03a2e\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"));
            svg.Append(Invariant($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"4.5\" fill=\"#b03a2e\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n"));
            svg.Append(Invariant($"<text x=\"{N(labelX)}\" y=\"{Top + 12}\" text-anchor=\"{anchor}\" font-weight=\"600\" fill=\"#b03a2e\">"))
                .Append(Escape(Invariant($"asOf {Day(asOf.Date)}: {Score(asOf.Score)} {asOf.Phase.Name()}"))).Append("</text>\n");
            svg.Append("</g>\n");
        }

        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Right - Left}\" height=\"{Bottom - Top}\" fill=\"none\" stroke=\"#3b4652\" stroke-width=\"1\"/>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private void Polyline(StringBuilder svg, IReadOnlyList<ChartPoint> points, string kind, string colour, bool dashed, string? label)
    {
        if (points.Count == 0) return;
        svg.Append(Invariant($"<polyline class=\"{kind}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-linejoin=\"round\""))
            .Append(dashed ? " stroke-dasharray=\"6 4\"" : "").Append(" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0) svg.Append(' ');
            svg.Append(N(X(points[i].Date, From, To))).Append(',').Append(N(Y(points[i].Score)));
        }
        svg.Append('"').Append(label is null ? "/>\n" : $"><title>{Escape(label)}</title></polyline>\n");
    }

    /// <summary>Which line is which: a swatch and a name each, in a box at the plot's lower left.</summary>
    private void Legend(StringBuilder svg)
    {
        var entries = new List<(string Label, string Colour, bool Dashed)> { (Relation, OwnColour, false) };
        entries.AddRange(Others.Select(l => (l.Label, l.Colour, l.Dashed)));
        var top = Bottom - 16 - entries.Count * 12;
        svg.Append("<g class=\"legend\">\n");
        svg.Append(Invariant($"<rect x=\"{Left + 6}\" y=\"{top}\" width=\"230\" height=\"{entries.Count * 12 + 6}\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#d8dde3\"/>\n"));
        for (var i = 0; i < entries.Count; i++)
        {
            var (label, colour, dashed) = entries[i];
            var y = top + 9 + i * 12;
            svg.Append(Invariant($"<line x1=\"{Left + 12}\" y1=\"{y}\" x2=\"{Left + 30}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"2\"")).Append(dashed ? " stroke-dasharray=\"4 3\"" : "").Append("/>\n");
            svg.Append(Invariant($"<text x=\"{Left + 35}\" y=\"{y + 3.5}\" font-size=\"10\" fill=\"#1d2733\">")).Append(Escape(label)).Append("</text>\n");
        }
        svg.Append("</g>\n");
    }

    /// <summary>What a screen reader says instead of the picture: the range, the extremes and the reading at asOf.</summary>
    public string Description()
    {
        var text = new StringBuilder();
        text.Append(Invariant($"Warming score of {Relation} on a scale from -100 (hostile) to +100 (close), from {Day(From)} to {Day(To)} by {Step}, "));
        text.Append(Invariant($"counting what was recorded by {Instant(KnownAt)}, with a half-life of {HalfLifeDays} days"))
            .Append(Weighting == Weighting.Corroborated ? ", each development weighed by its corroboration. " : ". ");
        if (Points.Count > 0)
        {
            var lowest = Points.MinBy(p => p.Score)!;
            var highest = Points.MaxBy(p => p.Score)!;
            text.Append(Invariant($"Lowest {Score(lowest.Score)} ({lowest.Phase.Name()}) on {Day(lowest.Date)}; "));
            text.Append(Invariant($"highest {Score(highest.Score)} ({highest.Phase.Name()}) on {Day(highest.Date)}; "));
            text.Append(Invariant($"last {Score(Points[^1].Score)} ({Points[^1].Phase.Name()}) on {Day(Points[^1].Date)}. "));
        }
        if (AsOf is { } asOf)
            text.Append(Invariant($"As of {Day(asOf.Date)}: {Score(asOf.Score)}, {asOf.Phase.Name()}. "));
        foreach (var line in Others.Where(l => l.Points.Count > 0))
            text.Append(Invariant($"{line.Label}: last {Score(line.Points[^1].Score)} ({line.Points[^1].Phase.Name()}) on {Day(line.Points[^1].Date)}. "));
        var shown = Developments.Count(d => d.EffectiveDate >= From && d.EffectiveDate <= To);
        text.Append(shown switch
        {
            0 => "No development in this range.",
            1 => "1 development in this range.",
            _ => Invariant($"{shown} developments in this range."),
        });
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Score(decimal score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);
}
