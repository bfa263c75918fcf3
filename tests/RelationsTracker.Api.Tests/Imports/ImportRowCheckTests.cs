using System.Text.Json;
using RelationsTracker.Api.Developments.Recording;
using RelationsTracker.Api.Imports;
using RelationsTracker.Relations;

namespace RelationsTracker.Api.Tests;

/// <summary>
/// An import checks each row with <see cref="RecordDevelopmentRequest.TryPlain"/> rather than as a POSTed body, so the two
/// must agree: on every kind of good and bad field, TryPlain accepts exactly the rows the POST parser accepts, and
/// makes the same development of them. (A row TryPlain refuses is then read by the POST parser, which says why.)
/// </summary>
public class ImportRowCheckTests
{
    private static readonly DateOnly Today = new(2025, 9, 1);
    private static readonly RelationId Relation = RelationId.Of("LBY-EAST", "TUR");

    private static readonly string[] Types = ["Statement", "OfficialVisit", "MilitaryCooperation", "AgreementSigned", "MissionOpened", "statement", "Nonsense", "", " "];
    private static readonly string[] Dates = ["2025-08-31", "2025-09-01", "2025-09", "2025", "1000", "2025-09-02", "2025-10", "2026", "2025-02-30", "2025-13", "0999", "25-01-01", "2025-8-31", "", "  ", "2025-08-31x", "2025-08-31\u0001"];
    private static readonly string[] Actors = ["TUR", "LBY-EAST", "EGY", "tur", "", " ", "TUR\u0001", new string('A', 21)];
    private static readonly string[] Summaries = ["A visit", "", "   ", "tab\tand\nline\r", "bell\u0007", "nul\0", new string('s', 2000), new string('s', 2001), string.Concat(Enumerable.Repeat("😀", 2000)), string.Concat(Enumerable.Repeat("😀", 2001))];
    private static readonly string?[] Significances = [null, "low", "normal", "high", "High", "bad", " ", "", "high\u0002"];
    private static readonly RecordDevelopmentRequest.SourceText?[] Sources =
    [
        new("https://example.org/report", null, null),
        null,
        new("http://example.org/report", "The Herald, p. 3", "2025-08-30"),
        new(null, "GDELT 2.0 event 1: not a url", "2025-08"),
        new(null, null, "2025-08-30"),
        new(null, null, null),
        new("ftp://example.org/report", null, null),
        new("https://example.org/a report", null, null),
        new("https://", null, null),
        new("example.org/report", null, null),
        new("", "a citation", null),
        new("https://example.org/" + new string('x', 2028), null, null),
        new("https://example.org/" + new string('x', 2029), null, null),
        new(null, new string('c', 2001), null),
        new(null, " ", null),
        new(null, "a citation", "2025-09-02"),
        new(null, "a citation", "2025-02-30"),
        new(null, "a citation", ""),
        new("https://example.org/report", "a\u0003citation", null),
    ];

    /// <summary>Each field's every value, the others good.</summary>
    public static IEnumerable<object?[]> OneFieldAtATime()
    {
        foreach (var type in Types) yield return Row(type: type);
        foreach (var date in Dates) yield return Row(occurredOn: date);
        foreach (var actor in Actors) yield return Row(actor: actor);
        foreach (var summary in Summaries) yield return Row(summary: summary);
        foreach (var significance in Significances) yield return Row(significance: significance, significanceGiven: true);
        foreach (var source in Sources) yield return Row(source: source, sourceGiven: true);
    }

    private static object?[] Row(string type = "OfficialVisit", string occurredOn = "2025-08-31", string actor = "TUR", string summary = "A visit",
        string? significance = "high", bool significanceGiven = false, RecordDevelopmentRequest.SourceText? source = null, bool sourceGiven = false) =>
        [type, occurredOn, actor, summary, significanceGiven ? significance : "high", sourceGiven ? source : new RecordDevelopmentRequest.SourceText("https://example.org/visit", null, "2025-08-31")];

    [Theory]
    [MemberData(nameof(OneFieldAtATime))]
    public void One_field_at_a_time_the_import_check_answers_as_the_POST_parser(string type, string occurredOn, string actor, string summary, string? significance, RecordDevelopmentRequest.SourceText? source) =>
        AssertSameAnswer(type, occurredOn, actor, summary, significance, source);

    [Fact]
    public void In_every_combination_of_field_values_the_import_check_answers_as_the_POST_parser()
    {
        // Every combination would be 1.9 million rows; a fixed sample of them, with a good value of each field twice as likely.
        var random = new Random(20251123);
        T Pick<T>(T[] values) => random.Next(3) == 0 ? values[0] : values[random.Next(values.Length)];
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
            accepted += AssertSameAnswer(Pick(Types), Pick(Dates), Pick(Actors), Pick(Summaries), Pick(Significances), Pick(Sources)) ? 1 : 0;
        // The sample holds both answers in number.
        Assert.InRange(accepted, 200, 19_800);
    }

    private static bool AssertSameAnswer(string type, string occurredOn, string actor, string summary, string? significance, RecordDevelopmentRequest.SourceText? source)
    {
        var fast = RecordDevelopmentRequest.TryPlain(Relation, type, occurredOn, actor, summary, significance, source, Today);
        var (posted, problem) = ImportRows.ParseAsPosted(Relation, type, occurredOn, actor, summary, significance, source, Today);
        var row = $"type '{type}', occurredOn '{occurredOn}', actor '{actor}', summary of {summary.Length} chars, significance '{significance}', source {source}";
        Assert.True((fast is null) == (posted is null), $"{row}: the import check {(fast is null ? "refuses" : "accepts")}, the POST parser {(posted is null ? $"refuses ({problem})" : "accepts")}");
        if (fast is not null) Assert.Equal(JsonSerializer.Serialize(posted), JsonSerializer.Serialize(fast));
        return fast is not null;
    }
}
