using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RelationsTracker.Api.Tests.Infrastructure;

namespace RelationsTracker.Api.Tests;

/// <summary>POST /api/imports?url=: a file, or the latest export of a GDELT index, downloaded from a server on loopback.</summary>
public class ImportFromUrlTests(TrackerApp app) : TrackerTest(app)
{
    /// <summary>Turkey and Greece mapped by country, in a database of the test's own.</summary>
    public static readonly Dictionary<string, string> TurkeyAndGreece = new()
    {
        ["Tracker:Imports:Actors:0:Country"] = "TUR", ["Tracker:Imports:Actors:0:Actor"] = "TUR", ["Tracker:Imports:Actors:0:Name"] = "Turkey",
        ["Tracker:Imports:Actors:1:Country"] = "GRC", ["Tracker:Imports:Actors:1:Actor"] = "GRC", ["Tracker:Imports:Actors:1:Name"] = "Greece",
    };

    /// <summary>An events export as GDELT publishes it (a zip of the one .CSV) with <paramref name="rows"/> Turkey–Greece events.</summary>
    public static byte[] Export(string name, int rows, string sqlDate = "20250404")
    {
        var text = string.Join("\n", Enumerable.Range(0, rows).Select(_ =>
            GdeltRows.Row(GdeltRows.NewId(), sqlDate, ("TURGOV", "TURKEY", "TUR", ""), ("GRCGOV", "GREECE", "GRC", ""), "036")));
        var packed = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(packed, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry(name.Replace(".zip", "")).Open())
            entry.Write(Encoding.UTF8.GetBytes(text + "\n"));
        return packed.ToArray();
    }

    /// <summary>A file zipped as GDELT publishes it: a zip of the one file, named as the zip without its .zip.</summary>
    public static byte[] Zipped(string name, string text)
    {
        var packed = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(packed, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry(name.Replace(".zip", "")).Open())
            entry.Write(Encoding.UTF8.GetBytes(text + "\n"));
        return packed.ToArray();
    }

    /// <summary>A GDELT index line for a file: its size, MD5 and URL.</summary>
    public static string IndexLine(byte[] content, string url) => $"{content.Length} {Convert.ToHexStringLower(MD5.HashData(content))} {url}";

    [Fact]
    public async Task A_url_of_an_export_is_downloaded_and_imported_as_an_upload_would_be()
    {
        await using var files = await FileServer.StartAsync();
        var url = files.Put("/gdeltv2/20250404151500.export.CSV.zip", Export("20250404151500.export.CSV.zip", 3));
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: TurkeyAndGreece);
        var client = TrackerApp.ClientFor(host);

        // The format is GDELT's by the file's name; the body is empty.
        var response = await client.PostAsync($"/api/imports?url={Uri.EscapeDataString(url)}", null);
        await ExpectStatusAsync(response, HttpStatusCode.Accepted);
        var done = await WaitAsync(client, response.Headers.Location!.OriginalString);

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(3, done["recorded"]!.GetValue<long>());
        Assert.Equal(url, done["source"]!.GetValue<string>());
        Assert.Equal(url, done["url"]!.GetValue<string>());
        Assert.True(done["bytes"]!.GetValue<long>() > 0);
        Assert.Equal(3, (await GetJsonOnAsync(client, "/api/relations/GRC/TUR?asOf=2025-12-31"))["developmentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_gdelt_index_imports_its_latest_events_export_checked_against_its_size_and_md5()
    {
        await using var files = await FileServer.StartAsync();
        var older = Export("20250404150000.export.CSV.zip", 1);
        var latest = Export("20250404151500.export.CSV.zip", 2);
        var olderUrl = files.Put("/gdeltv2/20250404150000.export.CSV.zip", older);
        var latestUrl = files.Put("/gdeltv2/20250404151500.export.CSV.zip", latest);
        var mentions = Encoding.UTF8.GetBytes("not an events file");
        var index = files.Put("/gdeltv2/lastupdate.txt", Encoding.UTF8.GetBytes(string.Join("\n",
            IndexLine(older, olderUrl), IndexLine(latest, latestUrl), IndexLine(mentions, files.Url("/gdeltv2/20250404151500.mentions.CSV.zip"))) + "\n"));
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: TurkeyAndGreece);
        var client = TrackerApp.ClientFor(host);

        var response = await client.PostAsync($"/api/imports?url={Uri.EscapeDataString(index)}", null);
        await ExpectStatusAsync(response, HttpStatusCode.Accepted);
        var done = await WaitAsync(client, response.Headers.Location!.OriginalString);

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(2, done["recorded"]!.GetValue<long>());
        Assert.Equal(index, done["index"]!.GetValue<string>());
        Assert.Equal(latestUrl, done["url"]!.GetValue<string>());
        Assert.Equal(latest.Length, done["bytes"]!.GetValue<long>());
        Assert.Equal(0, files.RequestsFor("/gdeltv2/20250404150000.export.CSV.zip"));
    }

    [Fact]
    public async Task With_format_gdelt_mentions_a_gdelt_index_imports_its_latest_mentions_file_and_a_mentions_url_needs_no_format()
    {
        await using var files = await FileServer.StartAsync();
        var id = GdeltRows.NewId();
        var export = Zipped("20250404151500.export.CSV.zip", GdeltRows.Row(id, "20250404", ("TURGOV", "TURKEY", "TUR", ""), ("GRCGOV", "GREECE", "GRC", ""), "042"));
        var mentions = Zipped("20250404151500.mentions.CSV.zip", GdeltRows.Mention(id, "https://www.ekathimerini.com/news/1", "ekathimerini.com"));
        var exportUrl = files.Put("/gdeltv2/20250404151500.export.CSV.zip", export);
        var mentionsUrl = files.Put("/gdeltv2/20250404151500.mentions.CSV.zip", mentions);
        var index = files.Put("/gdeltv2/lastupdate.txt", Encoding.UTF8.GetBytes(string.Join("\n", IndexLine(export, exportUrl), IndexLine(mentions, mentionsUrl)) + "\n"));
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: TurkeyAndGreece);
        var client = TrackerApp.ClientFor(host);

        async Task<System.Text.Json.Nodes.JsonObject> ImportUrlAsync(string query)
        {
            var response = await client.PostAsync($"/api/imports?{query}", null);
            await ExpectStatusAsync(response, HttpStatusCode.Accepted);
            return await WaitAsync(client, response.Headers.Location!.OriginalString);
        }
        Assert.Equal(1, (await ImportUrlAsync($"url={Uri.EscapeDataString(index)}"))["recorded"]!.GetValue<long>());
        var fromIndex = await ImportUrlAsync($"url={Uri.EscapeDataString(index)}&format=gdelt-mentions");

        Assert.Equal("completed", fromIndex["status"]!.GetValue<string>());
        Assert.Equal("gdelt-mentions", fromIndex["format"]!.GetValue<string>());
        Assert.Equal(mentionsUrl, fromIndex["url"]!.GetValue<string>());
        Assert.Equal(1, fromIndex["recorded"]!.GetValue<long>());
        // The file's name says it is a mentions file; imported again, its report is there already.
        var direct = await ImportUrlAsync($"url={Uri.EscapeDataString(mentionsUrl)}");
        Assert.Equal("gdelt-mentions", direct["format"]!.GetValue<string>());
        Assert.Equal(0, direct["recorded"]!.GetValue<long>());
        Assert.Equal(1, direct["alreadyImported"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_download_that_is_not_what_its_index_says_or_not_there_fails_the_import_with_its_cause_and_records_nothing()
    {
        await using var files = await FileServer.StartAsync();
        var export = Export("20250404151500.export.CSV.zip", 2);
        var exportUrl = files.Put("/gdeltv2/20250404151500.export.CSV.zip", export);
        var wrongMd5 = files.Put("/a/lastupdate.txt", Encoding.UTF8.GetBytes($"{export.Length} {new string('0', 32)} {exportUrl}\n"));
        var wrongSize = files.Put("/b/lastupdate.txt", Encoding.UTF8.GetBytes($"{export.Length + 1} {Convert.ToHexStringLower(MD5.HashData(export))} {exportUrl}\n"));
        var missing = files.Url("/gdeltv2/20250404160000.export.CSV.zip");
        var notGdelt = files.Put("/gdeltv2/20250404161500.export.CSV.zip", Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n"));
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: TurkeyAndGreece);
        var client = TrackerApp.ClientFor(host);

        foreach (var (url, failure) in new[]
                 {
                     (wrongMd5, $"{exportUrl} has MD5 {Convert.ToHexStringLower(MD5.HashData(export))}; its index says {new string('0', 32)}"),
                     (wrongSize, $"{exportUrl} is {export.Length:N0} bytes; its index says {export.Length + 1:N0}"),
                     (missing, $"GET {missing} answered 404 Not Found"),
                     (notGdelt, "This is not a GDELT 2.0 events file: line 1 has 1 tab-separated columns, not 61. (For the CSV format, use format=csv.)"),
                 })
        {
            var response = await client.PostAsync($"/api/imports?url={Uri.EscapeDataString(url)}", null);
            await ExpectStatusAsync(response, HttpStatusCode.Accepted);
            var done = await WaitAsync(client, response.Headers.Location!.OriginalString);
            Assert.Equal("failed", done["status"]!.GetValue<string>());
            Assert.Equal(failure, done["failure"]!.GetValue<string>());
            Assert.Equal(0, done["recorded"]!.GetValue<long>());
        }
        Assert.Equal(0, await EventCountOnAsync(host));
    }

    [Fact]
    public async Task A_redirect_is_followed_and_checked_like_the_url_itself()
    {
        await using var files = await FileServer.StartAsync();
        var url = files.Put("/gdeltv2/20250404151500.export.CSV.zip", Export("20250404151500.export.CSV.zip", 1));
        var moved = files.Redirect("/old/20250404151500.export.CSV.zip", url);
        var toMetadata = files.Redirect("/evil/20250404151500.export.CSV.zip", "http://169.254.169.254/latest/meta-data/");
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(), settings: TurkeyAndGreece);
        var client = TrackerApp.ClientFor(host);

        var followed = await WaitAsync(client, (await client.PostAsync($"/api/imports?url={Uri.EscapeDataString(moved)}", null)).Headers.Location!.OriginalString);
        Assert.Equal("completed", followed["status"]!.GetValue<string>());
        Assert.Equal(1, followed["recorded"]!.GetValue<long>());

        var refused = await WaitAsync(client, (await client.PostAsync($"/api/imports?url={Uri.EscapeDataString(toMetadata)}", null)).Headers.Location!.OriginalString);
        Assert.Equal("failed", refused["status"]!.GetValue<string>());
        Assert.StartsWith("http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a special-purpose address", refused["failure"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ftp://example.org/a.export.CSV.zip", "", "url", "must be an absolute http or https URL of at most 2,048 characters")]
    [InlineData("http://169.254.169.254/x.export.CSV.zip", "", "url", "169.254.169.254 is a special-purpose address (link-local, metadata, carrier-grade NAT, reserved, ...), not a download host")]
    [InlineData("http://metadata.google.internal/x.export.CSV.zip", "", "url", "'metadata.google.internal' is a cloud metadata service")]
    [InlineData("http://127.0.0.1:9/rows.txt", "", "format", "say which format the file at url is in: format=gdelt, csv or gdelt-mentions (a URL ending in .export.CSV.zip, lastupdate.txt or masterfilelist.txt is taken for GDELT, one ending in .mentions.CSV.zip for GDELT mentions)")]
    [InlineData("http://127.0.0.1:9/x.export.CSV.zip", "a body too", "body", "give the file in the body or its url, not both")]
    public async Task A_url_that_cannot_be_imported_is_a_400_naming_it_and_starts_nothing(string url, string body, string field, string message)
    {
        var before = (await GetJsonArrayAsync("/api/imports")).Count;

        var response = await Client.PostAsync($"/api/imports?url={Uri.EscapeDataString(url)}", new StringContent(body));

        await ExpectStatusAsync(response, HttpStatusCode.BadRequest);
        var problem = await ReadJsonAsync(response);
        Assert.Equal(message, problem["errors"]![field]![0]!.GetValue<string>());
        Assert.Equal(before, (await GetJsonArrayAsync("/api/imports")).Count);
    }

    [Fact]
    public async Task With_allowed_hosts_set_a_download_from_another_host_is_refused()
    {
        await using var host = TrackerApp.HostOn(await App.CreateDatabaseAsync(),
            settings: new Dictionary<string, string>(TurkeyAndGreece) { ["Tracker:Imports:AllowedHosts:0"] = "data.gdeltproject.org" });
        var client = TrackerApp.ClientFor(host);

        var response = await client.PostAsync($"/api/imports?url={Uri.EscapeDataString("http://127.0.0.1:9/x.export.CSV.zip")}", null);

        await ExpectStatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("'127.0.0.1' is not among the allowed download hosts (Tracker:Imports:AllowedHosts)",
            (await ReadJsonAsync(response))["errors"]!["url"]![0]!.GetValue<string>());
    }
}
