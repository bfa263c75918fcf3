using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RelationsTracker.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RelationsTracker.Api.Tests.Dashboard;

/// <summary>
/// The dashboard in a real headless Chromium against the real service with the demo history: pick the demo
/// relation, move asOf, read the phase on screen, see a new development arrive live. Skipped, saying why, when
/// no Chromium is installed (test.sh installs Debian's chromium when it can).
/// </summary>
public class DashboardBrowserTests(TrackerApp app, ITestOutputHelper output) : TrackerTest(app)
{
    public const string DemoRelation = "LBY-EAST~TUR";

    /// <summary>Where the screenshots go: under the test output, and also to TRACKER_DOC_IMAGES if set (docs/images).</summary>
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    // A fresh service compiles each endpoint's code on its first request (WolverineFx.RuntimeCompilation): seconds
    // on a busy machine, so the page may take longer than Playwright's default 5 s to show its first answers.
    static DashboardBrowserTests() => SetDefaultExpectTimeout(30_000);

    [SkippableFact]
    public async Task The_dashboard_replays_the_demo_relation_to_a_date_and_takes_new_developments_live()
    {
        var chromium = Chromium.Find();
        Skip.If(chromium is null, Chromium.SkipReason);
        output.WriteLine($"Chromium: {chromium}; screenshots in {ScreenshotFolder}");

        await using var tracker = await TrackerProcess.StartAsync(await App.CreateDatabaseAsync(),
            new Dictionary<string, string> { ["Tracker:Seed"] = "true" });
        using var api = tracker.CreateClient();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions(chromium!));
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console error: {message.Text}"); };

        await page.GotoAsync(new Uri(tracker.BaseAddress, "/").ToString());
        await page.ClickAsync($"#relations [data-relation='{DemoRelation}']");
        await Expect(page.Locator("#relation-title")).ToContainTextAsync(DemoRelation);

        // scoring.md's table: strained after the 2019 rejection and the 2020 "occupation" accusation; close after the Benghazi drill.
        foreach (var (asOf, phase) in new[] { ("2020-06-30", "strained"), ("2025-08-31", "close") })
        {
            var state = await api.GetFromJsonAsync<JsonObject>($"/api/relations/TUR/LBY-EAST?asOf={asOf}");
            Assert.Equal(phase, state!["phase"]!.GetValue<string>());

            await page.FillAsync("#asof", asOf);
            await page.Locator("#asof").BlurAsync(); // no caret in the screenshot
            await Expect(page.Locator("#shown-asof")).ToHaveTextAsync(asOf);
            Assert.Equal(phase, await page.InnerTextAsync("#phase"));
            await Expect(page.Locator("#score")).ToHaveTextAsync(Signed(state["score"]!.GetValue<decimal>()));
            await Expect(page.Locator("#chart")).ToContainTextAsync($"asOf {asOf}:");
            Assert.Contains($"asOf={asOf}", page.Url);
            await ScreenshotAsync(page, $"dashboard-{asOf}.png");
        }
        await ScreenshotAsync(page.Locator(".chart"), "dashboard-chart.png");
        await ScreenshotAsync(page.Locator(".timeline"), "dashboard-timeline.png", maxHeight: 640);

        // A linked view opens as it was left.
        var linked = await browser.NewPageAsync();
        await linked.GotoAsync(new Uri(tracker.BaseAddress, $"/?relation={DemoRelation}&asOf=2020-06-30").ToString());
        await Expect(linked.Locator("#phase")).ToHaveTextAsync("strained");
        await linked.CloseAsync();

        // Live: a development recorded now appears without a reload.
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
        var summary = $"Talks in Ankara (browser test {Guid.NewGuid():N})";
        var response = await api.PostAsJsonAsync("/api/relations/TUR/LBY-EAST/developments", new
        {
            type = "Consultation",
            occurredOn = "2025-09",
            actor = "TUR",
            summary,
            sources = new[] { new { citation = "The browser test" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Expect(page.Locator("#timeline")).ToContainTextAsync(summary);
        await Expect(page.Locator("#live-text")).ToContainTextAsync("development-recorded");

        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task A_development_imported_from_gdelt_shows_each_of_its_gdelt_events_evidence()
    {
        var chromium = Chromium.Find();
        Skip.If(chromium is null, Chromium.SkipReason);
        await using var tracker = await TrackerProcess.StartAsync(await App.CreateDatabaseAsync(),
            new Dictionary<string, string> { ["Tracker:Seed"] = "true" });
        using var api = tracker.CreateClient();

        // One event GDELT wrote twice (Turkey → Haftar and Haftar → Turkey, one article): the demo's actors map both.
        const string article = "https://example.org/news/benghazi-drill";
        var file = GdeltRows.Row("900000001", "20250826", ("TURMIL", "TURKEY", "TUR", ""), ("LBYMIL", "KHALIFA HAFTAR", "LBY", ""), "0622", article,
                       (4, 1, 4, 2.5, "Benghazi, Banghazi, Libya")) + "\n"
                 + GdeltRows.Row("900000002", "20250826", ("LBYMIL", "KHALIFA HAFTAR", "LBY", ""), ("TURMIL", "TURKEY", "TUR", ""), "0622", article,
                       (6, 1, 6, 2.5, "Benghazi, Banghazi, Libya")) + "\n";
        var started = await api.PostAsync("/api/imports", new StringContent(file, System.Text.Encoding.UTF8, "text/tab-separated-values"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        JsonObject? run = null;
        for (var i = 0; i < 200 && run?["status"]?.GetValue<string>() is null or "running"; i++)
        {
            await Task.Delay(100);
            run = await api.GetFromJsonAsync<JsonObject>(started.Headers.Location);
        }
        Assert.Equal(1, run!["recorded"]!.GetValue<long>());
        Assert.Equal(1, run["repeats"]!.GetValue<long>());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions(chromium!));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(tracker.BaseAddress, $"/?relation={DemoRelation}").ToString());
        await Expect(page.Locator("#timeline .gdelt")).ToHaveTextAsync(
            "GDELT event 900000001: 4 mentions, 1 source, 4 articles, tone 2.50; event 900000002: 6 mentions, 1 source, 6 articles, tone 2.50 · Benghazi, Banghazi, Libya");
    }

    [SkippableFact]
    public async Task The_page_finds_in_the_timeline_links_the_csv_of_what_it_shows_and_prints_without_its_controls()
    {
        await using var demo = await DemoAsync();
        var (tracker, api, browser, page) = (demo.Tracker, demo.Api, demo.Browser, demo.Page);

        await page.GotoAsync(new Uri(tracker.BaseAddress, $"/?relation={DemoRelation}&asOf=2025-08-31&halfLifeDays=90").ToString());
        await Expect(page.Locator("#phase")).ToHaveTextAsync("close");

        // The links carry the point of view on screen; what they answer is the API's CSV of it.
        var timelineCsv = await page.Locator("#export-timeline").GetAttributeAsync("href");
        Assert.Contains("/developments.csv?", timelineCsv);
        Assert.Contains("asOf=2025-08-31", timelineCsv);
        Assert.Contains("halfLifeDays=90", timelineCsv);
        var rows = (await api.GetStringAsync(timelineCsv)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,occurredOn,type,cameo,actor,significance,contribution,summary,source", rows[0]);
        var timeline = await api.GetFromJsonAsync<JsonObject>(timelineCsv!.Replace("developments.csv", "developments"));
        Assert.Equal(timeline!["developments"]!.AsArray().Count, rows.Length - 1);
        var scoreCsv = await page.Locator("#export-score").GetAttributeAsync("href");
        Assert.Contains("/score.csv?", scoreCsv);
        var score = await api.GetAsync(scoreCsv);
        Assert.Equal(HttpStatusCode.OK, score.StatusCode);
        Assert.StartsWith("date,score,raw\r\n", await score.Content.ReadAsStringAsync());

        // Find: the timeline shows what the API finds, and the export takes the same filters.
        await page.FillAsync("#find-text", "Benghazi");
        var benghazi = await api.GetFromJsonAsync<JsonObject>($"/api/relations/{DemoRelation.Replace('~', '/')}/developments?q=Benghazi&asOf=2025-08-31");
        var found = benghazi!["developments"]!.AsArray().Count;
        Assert.InRange(found, 1, timeline["developments"]!.AsArray().Count - 1);
        await Expect(page.Locator("#timeline li.development")).ToHaveCountAsync(found);
        await Expect(page.Locator("#find-count")).ToHaveTextAsync($"{found} found");
        Assert.Contains("q=Benghazi", await page.Locator("#export-timeline").GetAttributeAsync("href"));
        await page.SelectOptionAsync("#find-type", "AgreementRejected");
        await Expect(page.Locator("#timeline li.development")).ToHaveCountAsync(0);
        await page.ClickAsync("#find-clear");
        await Expect(page.Locator("#timeline li.development")).ToHaveCountAsync(timeline["developments"]!.AsArray().Count);
        await page.SelectOptionAsync("#find-type", "AgreementRejected");
        await Expect(page.Locator("#timeline li.development")).ToHaveCountAsync(1);

        // Printed: the state, the chart and the timeline, not the controls or the relation list.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("#controls")).ToBeHiddenAsync();
        await Expect(page.Locator("#relations")).ToBeHiddenAsync();
        await Expect(page.Locator("#exports")).ToBeHiddenAsync();
        await Expect(page.Locator("#find")).ToBeHiddenAsync();
        await Expect(page.Locator("#chart")).ToBeVisibleAsync();
        await Expect(page.Locator("#phase")).ToBeVisibleAsync();
        await Expect(page.Locator("#timeline")).ToBeVisibleAsync();
        // Printed to PDF as a browser prints: the print stylesheet applies.
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(pdf.Length > 10_000, $"The PDF is {pdf.Length} bytes");
    }

    [SkippableFact]
    public async Task On_a_390_px_phone_nothing_overflows_and_the_live_indicator_is_announced()
    {
        await using var demo = await DemoAsync(new ViewportSize { Width = 390, Height = 844 });
        var (tracker, page) = (demo.Tracker, demo.Page);

        await page.GotoAsync(new Uri(tracker.BaseAddress, $"/?relation={DemoRelation}&asOf=2025-08-31").ToString());
        await Expect(page.Locator("#phase")).ToHaveTextAsync("close");
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var wider = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && getComputedStyle(e).position !== 'fixed').slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className)");
        Assert.True(width <= 390, $"The page is {width} px wide at 390: {string.Join(", ", wider)}");
        await ScreenshotAsync(page, "dashboard-390.png");

        await Expect(page.Locator("#live")).ToHaveAttributeAsync("aria-live", "polite");
    }

    [SkippableFact]
    public async Task An_analyst_records_a_development_from_the_page_and_bad_fields_are_said_beside_them()
    {
        await using var demo = await DemoAsync();
        var (tracker, browser, page) = (demo.Tracker, demo.Browser, demo.Page);
        var asked = new List<string>();
        page.Request += (_, request) => asked.Add(request.Url);

        await page.GotoAsync(new Uri(tracker.BaseAddress, $"/?relation={DemoRelation}").ToString());
        await Expect(page.Locator("#relation-title")).ToContainTextAsync(DemoRelation);
        await page.ClickAsync("#record summary");

        // Every field has a label in words; the types come with their CAMEO code and weight.
        foreach (var label in new[] { "Type", "Occurred on", "Actor", "Significance", "Summary", "Source URL", "Citation", "Publisher", "Language" })
            await Expect(page.GetByLabel(label, new PageGetByLabelOptions { Exact = true }).First).ToBeVisibleAsync();
        await Expect(page.Locator("#rec-type option[value='OfficialVisit']")).ToHaveTextAsync("OfficialVisit — CAMEO 042 Make a visit (+1.9)");
        await Expect(page.Locator("[data-part='citation']").First).ToHaveAttributeAsync("dir", "auto");

        // The key is asked once; a bad field comes back beside its field, and nothing is recorded.
        await page.SelectOptionAsync("#rec-type", "Consultation");
        await page.SelectOptionAsync("#rec-precision", "month");
        await page.FillAsync("#rec-occurred", "2025-09");
        await page.SelectOptionAsync("#rec-actor", "TUR");
        await page.FillAsync("[data-part='url']", "not a url");
        await page.FillAsync("#rec-key", TrackerApp.ApiKey);
        await page.ClickAsync("#rec-submit");
        await Expect(page.Locator("#record-form-error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("#record-form-error-sources-0--url")).ToBeVisibleAsync();
        await Expect(page.Locator("#rec-summary")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#rec-key-row")).ToBeHiddenAsync();
        Assert.DoesNotContain(asked, url => url.Contains(TrackerApp.ApiKey));

        // Put right, it is recorded, and the timeline shows it at once.
        var marker = Guid.NewGuid().ToString("N");
        var summary = $"محادثات في أنقرة حول مذكرة التفاهم البحرية ({marker})";
        await page.FillAsync("#rec-summary", summary);
        await page.FillAsync("[data-part='url']", "");
        await page.FillAsync("[data-part='citation']", "الوسط، ٢ سبتمبر ٢٠٢٥");
        await page.FillAsync("[data-part='language']", "ar");
        await page.ClickAsync("#rec-submit");
        await Expect(page.Locator("#rec-result")).ToContainTextAsync("Recorded");
        await Expect(page.Locator("#timeline")).ToContainTextAsync(summary);
        var entry = page.Locator("#timeline li.development", new PageLocatorOptions { HasText = summary });
        Assert.Equal(1, await entry.CountAsync());
        await ScreenshotAsync(page.Locator("#record"), "dashboard-record.png");
        // The API has it as typed, right to left and all.
        using var api = tracker.CreateClient();
        var found = await api.GetFromJsonAsync<JsonObject>($"/api/relations/TUR/LBY-EAST/developments?q={marker}");
        var recorded = Assert.Single(found!["developments"]!.AsArray())!;
        Assert.Equal(summary, recorded["summary"]!.GetValue<string>());
        Assert.Equal("2025-09", recorded["occurredOn"]!.GetValue<string>());
        Assert.Equal("ar", recorded["sources"]![0]!["language"]!.GetValue<string>());

        // Its own view, from the timeline: correct it, with a reason, and see before and after.
        await entry.Locator(".when a").ClickAsync();
        await Expect(page.Locator("#development-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#dev-summary")).ToHaveTextAsync(summary);
        Assert.Contains("development=", page.Url);
        await page.FillAsync("#cor-reason", "The talks were in October");
        await page.FillAsync("#cor-occurred", "2025-10");
        await page.ClickAsync("#correct-form [type=submit]");
        await Expect(page.Locator("#cor-result")).ToHaveTextAsync("Corrected.");
        await Expect(page.Locator("#dev-corrections")).ToContainTextAsync("The talks were in October");
        await Expect(page.Locator("#dev-corrections")).ToContainTextAsync("occurredOn: 2025-09 → 2025-10");
        // A confirming report from another publisher, quoting it in Arabic: two keys now, c = 1.25.
        await page.FillAsync("#rep-citation", "Al-Wasat, 2 September 2025");
        await page.FillAsync("#rep-publisher", "Al-Wasat");
        await page.FillAsync("#rep-language", "ar");
        await page.FillAsync("#rep-quote", "عقدت محادثات في أنقرة");
        await page.FillAsync("#rep-translation", "Talks were held in Ankara");
        await page.ClickAsync("#report-form [type=submit]");
        await Expect(page.Locator("#rep-result")).ToHaveTextAsync("Report added.");
        await Expect(page.Locator("#dev-reports blockquote")).ToHaveTextAsync("عقدت محادثات في أنقرة");
        await Expect(page.Locator("#dev-reports blockquote")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("#dev-corroboration")).ToHaveTextAsync("k 2 · d 0 · c 1.250");
        await ScreenshotAsync(page.Locator("#development-view"), "dashboard-development.png");

        // A permalink opens the same view; retracting it says why, and it counts no more.
        var permalink = await page.Locator("#dev-link").GetAttributeAsync("href");
        var again = await browser.NewPageAsync();
        await again.GotoAsync(new Uri(tracker.BaseAddress, "/" + permalink).ToString());
        await Expect(again.Locator("#dev-summary")).ToHaveTextAsync(summary);
        await again.FillAsync("#ret-reason", "Reported by one outlet only");
        await again.FillAsync("#ret-key", TrackerApp.ApiKey);
        await again.ClickAsync("#retract-form [type=submit]");
        await Expect(again.Locator("#dev-retraction")).ToContainTextAsync("Reported by one outlet only");
        await Expect(again.Locator("#dev-facts")).ToContainTextAsync("retracted");
        await Expect(again.Locator("#retract-form")).ToBeHiddenAsync();
        await Expect(again.Locator("#dev-facts")).ToContainTextAsync($"Contribution at {DateTime.UtcNow:yyyy-MM-dd}0.000");
    }

    [SkippableFact]
    public async Task Actors_are_added_and_renamed_from_the_page_and_an_actors_view_lists_its_relations_by_name()
    {
        await using var demo = await DemoAsync();
        var (tracker, api, browser, page) = (demo.Tracker, demo.Api, demo.Browser, demo.Page);

        await page.GotoAsync(new Uri(tracker.BaseAddress, "/").ToString());
        // The list names the actors, not only their codes.
        await Expect(page.Locator($"#relations [data-relation='{DemoRelation}'] .name")).ToHaveTextAsync("Eastern Libyan authorities – Turkey");

        await page.ClickAsync(".actor-edit summary");
        await page.FillAsync("#actor-id", "greece");
        await page.FillAsync("#actor-name", "Greece");
        await page.FillAsync("#actor-key", TrackerApp.ApiKey);
        await page.ClickAsync("#actor-form [type=submit]");
        await Expect(page.Locator("#actor-form-error-id")).ToBeVisibleAsync();
        await page.FillAsync("#actor-id", "GRC");
        await page.ClickAsync("#actor-form [type=submit]");
        await Expect(page.Locator("#actor-result")).ToHaveTextAsync("Saved Greece (GRC).");
        await Expect(page.Locator("#actors [data-actor='GRC']")).ToHaveTextAsync("Greece (GRC)");

        // Renamed, the new name is shown wherever the actor is.
        await page.FillAsync("#actor-id", "LBY-EAST");
        await page.FillAsync("#actor-name", "Libyan National Army side");
        await page.ClickAsync("#actor-form [type=submit]");
        await Expect(page.Locator($"#relations [data-relation='{DemoRelation}'] .name")).ToHaveTextAsync("Libyan National Army side – Turkey");

        // An actor's view: its relations only, with their phase and direction.
        var ofTurkey = await api.GetFromJsonAsync<JsonObject>("/api/relations?actor=TUR");
        await page.ClickAsync("#actors [data-actor='TUR']");
        await Expect(page.Locator("#relations-heading")).ToHaveTextAsync("Relations of Turkey");
        await Expect(page.Locator("#relations li")).ToHaveCountAsync(ofTurkey!["relations"]!.AsArray().Count);
        await Expect(page.Locator("#relations .phase").First).ToBeVisibleAsync();
        Assert.Contains("actor=TUR", page.Url);
        await page.ClickAsync("#relations-all");
        await Expect(page.Locator("#relations-heading")).ToHaveTextAsync("Relations");
    }

    [SkippableFact]
    public async Task The_chart_compares_relations_and_what_was_known_earlier_and_lists_what_changed_since()
    {
        await using var demo = await DemoAsync();
        var (tracker, api, browser, page) = (demo.Tracker, demo.Api, demo.Browser, demo.Page);

        await page.GotoAsync(new Uri(tracker.BaseAddress, $"/?relation={DemoRelation}&asOf=2025-08-31").ToString());
        await Expect(page.Locator("#phase")).ToHaveTextAsync("close");

        // Compare: another relation drawn on the same chart, and so in the SVG the page links.
        await page.CheckAsync("#compare-list input[value='LBY-WEST~TUR']");
        await Expect(page.Locator("#chart polyline.compared")).ToHaveCountAsync(1);
        await Expect(page.Locator("#chart .legend")).ToContainTextAsync("LBY-WEST~TUR");
        Assert.Contains("compare=LBY-WEST%7ETUR", await page.Locator("#chart-link").GetAttributeAsync("href"));
        await ScreenshotAsync(page.Locator(".chart"), "dashboard-compare.png");
        await page.UncheckAsync("#compare-list input[value='LBY-WEST~TUR']");
        await Expect(page.Locator("#chart polyline.compared")).ToHaveCountAsync(0);

        // What did we know when: at an instant before the demo was loaded, nothing; everything since is listed.
        await page.FillAsync("#then", "2001-01-01T00:00");
        await page.Locator("#then").DispatchEventAsync("change");
        await Expect(page.Locator("#chart polyline.compared")).ToHaveCountAsync(1);
        await Expect(page.Locator("#chart polyline.compared")).ToHaveAttributeAsync("stroke-dasharray", "6 4");
        var revisions = await api.GetFromJsonAsync<JsonObject>($"/api/relations/LBY-EAST/TUR/revisions?since=2001-01-01T00:00:00Z&asOf=2025-08-31&limit=1000");
        await Expect(page.Locator("#revisions")).ToBeVisibleAsync();
        await Expect(page.Locator("#revision-list li")).ToHaveCountAsync(revisions!["revisions"]!.AsArray().Count);
        await Expect(page.Locator("#revision-list li").First).ToContainTextAsync("recorded");
        await ScreenshotAsync(page.Locator("#revisions"), "dashboard-revisions.png", maxHeight: 480);
        await page.ClickAsync("#then-clear");
        await Expect(page.Locator("#revisions")).ToBeHiddenAsync();

        // Weighted by corroboration (the demo's reports give 7, 10, 11 and 14 a factor of 1.25), with the plain line beside.
        var corroborated = await api.GetFromJsonAsync<JsonObject>("/api/relations/TUR/LBY-EAST?asOf=2025-08-31&weighting=corroborated");
        await page.SelectOptionAsync("#weighting", "both");
        await Expect(page.Locator("#score")).ToHaveTextAsync(Signed(corroborated!["score"]!.GetValue<decimal>()));
        await Expect(page.Locator("#chart polyline.compared")).ToHaveCountAsync(1);
        await Expect(page.Locator("#chart .legend")).ToContainTextAsync("plain weighting");
        Assert.Contains("weighting=both", page.Url);
    }

    [SkippableFact]
    public async Task A_monthly_digest_of_a_relation_or_of_an_actors_relations_reads_as_a_briefing_and_prints()
    {
        await using var demo = await DemoAsync();
        var (tracker, api, browser, page) = (demo.Tracker, demo.Api, demo.Browser, demo.Page);

        await page.GotoAsync(new Uri(tracker.BaseAddress, $"/?relation={DemoRelation}").ToString());
        await Expect(page.Locator("#relation-title")).ToContainTextAsync(DemoRelation);
        await page.FillAsync("#digest-month", "2025-08");
        await page.Locator("#digest-month").DispatchEventAsync("change");
        await page.ClickAsync("#digest-link");

        // August 2025: the warship's call and the drill at Benghazi.
        var digest = await api.GetFromJsonAsync<JsonObject>("/api/relations/TUR/LBY-EAST/digest?month=2025-08");
        await Expect(page.Locator("#digest-title")).ToContainTextAsync("August 2025");
        var article = page.Locator($"#digests article[data-relation='{DemoRelation}']");
        await Expect(article.Locator("h3")).ToContainTextAsync(digest!["verdict"]!.GetValue<string>());
        await Expect(article.Locator("h4 + ol").First.Locator("> li")).ToHaveCountAsync(digest["developments"]!.AsArray().Count);
        await ScreenshotAsync(page, "dashboard-digest.png");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await Expect(page.Locator("#layout")).ToBeHiddenAsync();

        // An actor's digest: one briefing per relation it is in.
        var ofTurkey = await api.GetFromJsonAsync<JsonObject>("/api/relations?actor=TUR");
        await page.GotoAsync(new Uri(tracker.BaseAddress, "/?digest=2025-08&actor=TUR").ToString());
        await Expect(page.Locator("#digests article")).ToHaveCountAsync(ofTurkey!["relations"]!.AsArray().Count);
        await Expect(page.Locator("#digest-title")).ToHaveTextAsync("Turkey: August 2025");
    }

    [SkippableFact]
    public async Task A_half_life_out_of_range_is_said_beside_its_field_and_a_date_being_typed_asks_for_nothing()
    {
        await using var demo = await DemoAsync();
        var (tracker, browser, page) = (demo.Tracker, demo.Browser, demo.Page);
        var asked = new List<string>();
        page.Request += (_, request) => asked.Add(request.Url);

        await page.GotoAsync(new Uri(tracker.BaseAddress, "/").ToString());
        await page.ClickAsync($"#relations [data-relation='{DemoRelation}']");
        await Expect(page.Locator("#relation-title")).ToContainTextAsync(DemoRelation);

        await page.FillAsync("#halflife", "0");
        await page.Locator("#halflife").DispatchEventAsync("change");
        await Expect(page.Locator("#halflife-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#shown-halflife")).ToHaveTextAsync("180");
        await page.FillAsync("#halflife", "90");
        await page.Locator("#halflife").DispatchEventAsync("change");
        await Expect(page.Locator("#halflife-error")).ToBeHiddenAsync();
        await Expect(page.Locator("#shown-halflife")).ToHaveTextAsync("90");

        await page.Locator("#asof").EvaluateAsync("(e, v) => { e.value = v; e.dispatchEvent(new Event('input')); }", "0002-01-01");
        await Expect(page.Locator("#asof-error")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1000);
        Assert.DoesNotContain(asked, url => url.Contains("asOf=0"));
        await page.Locator("#asof").EvaluateAsync("(e, v) => { e.value = v; e.dispatchEvent(new Event('input')); }", "2025-08-31");
        await Expect(page.Locator("#asof-error")).ToBeHiddenAsync();
        await Expect(page.Locator("#shown-asof")).ToHaveTextAsync("2025-08-31");
    }

    [SkippableFact]
    public async Task When_reads_need_a_key_the_page_asks_for_it_and_then_reads_and_listens_with_it()
    {
        var chromium = Chromium.Find();
        Skip.If(chromium is null, Chromium.SkipReason);

        await using var tracker = await TrackerProcess.StartAsync(await App.CreateDatabaseAsync(),
            new Dictionary<string, string> { ["Tracker:Seed"] = "true", ["Tracker:RequireKeyForReads"] = "true" });
        using var api = tracker.CreateClient();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions(chromium!));
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add($"page error: {error}");

        await page.GotoAsync(new Uri(tracker.BaseAddress, $"/?relation={DemoRelation}&asOf=2025-08-31").ToString());
        await Expect(page.Locator("#key-box")).ToBeVisibleAsync();
        await Expect(page.Locator("#error")).ToContainTextAsync("needs a key");

        await page.FillAsync("#key", TrackerApp.ApiKey);
        await page.ClickAsync("#key-form button[type=submit]");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("close");
        await Expect(page.Locator("#chart")).ToContainTextAsync("asOf 2025-08-31:");
        await Expect(page.Locator("#error")).ToBeHiddenAsync();

        // EventSource cannot send the key; the page reads the stream through fetch instead.
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
        var summary = $"Talks in Ankara (browser test with a key {Guid.NewGuid():N})";
        var response = await api.PostAsJsonAsync("/api/relations/TUR/LBY-EAST/developments", new
        {
            type = "Consultation",
            occurredOn = "2025-09",
            actor = "TUR",
            summary,
            sources = new[] { new { citation = "The browser test" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Expect(page.Locator("#timeline")).ToContainTextAsync(summary);
        Assert.Empty(errors);
    }

    private static string Signed(decimal score) =>
        (score > 0 ? "+" : "") + score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A service with the demo history and a headless Chromium page on it; skips the test, saying why, without Chromium.</summary>
    private async Task<DemoPage> DemoAsync(ViewportSize? viewport = null)
    {
        var chromium = Chromium.Find();
        Skip.If(chromium is null, Chromium.SkipReason);
        var tracker = await TrackerProcess.StartAsync(await App.CreateDatabaseAsync(), new Dictionary<string, string> { ["Tracker:Seed"] = "true" });
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions(chromium!));
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport });
        return new DemoPage(tracker, tracker.CreateClient(), playwright, browser, page);
    }

    private sealed record DemoPage(TrackerProcess Tracker, HttpClient Api, IPlaywright Playwright, IBrowser Browser, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
            Api.Dispose();
            await Tracker.DisposeAsync();
        }
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Saved(path);
    }

    private async Task ScreenshotAsync(ILocator element, string name, int? maxHeight = null)
    {
        var path = Path.Combine(ScreenshotFolder, name);
        // From the top, the element's box is where it is on the page, which is what a full-page clip needs.
        await element.Page.EvaluateAsync("window.scrollTo(0, 0)");
        if (maxHeight is { } height && await element.BoundingBoxAsync() is { } box && box.Height > height)
            await element.Page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = path,
                FullPage = true,
                Clip = new Clip { X = box.X, Y = box.Y, Width = box.Width, Height = height },
            });
        else
            await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        Saved(path);
    }

    private void Saved(string path)
    {
        output.WriteLine($"screenshot: {path}");
        if (Environment.GetEnvironmentVariable("TRACKER_DOC_IMAGES") is { Length: > 0 } docs)
        {
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, Path.GetFileName(path)), overwrite: true);
        }
    }
}

/// <summary>The machine's Chromium, if any, and how to start it: headless, offline, never downloading anything.</summary>
public static class Chromium
{
    public const string SkipReason =
        "No Chromium found (TRACKER_CHROMIUM if set, else /usr/bin/chromium or /usr/bin/chromium-browser): the dashboard " +
        "browser test is skipped. Install Debian's chromium package (apt-get install chromium; test.sh does it when run as root).";

    /// <summary>TRACKER_CHROMIUM when set (and only it, so it can also turn the test off), else Debian's places.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("TRACKER_CHROMIUM") is { Length: > 0 } chosen) return File.Exists(chosen) ? chosen : null;
        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    }

    public static BrowserTypeLaunchOptions LaunchOptions(string executable) => new()
    {
        ExecutablePath = executable,
        Headless = true,
        Args =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ],
    };
}
