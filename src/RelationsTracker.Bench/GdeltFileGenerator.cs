using System.Text;

namespace RelationsTracker.Bench;

/// <summary>The import bench's GDELT 2.0 events files: <see cref="Countries"/> mapped countries, CAMEO codes that all map.</summary>
public static class GdeltFileGenerator
{
    public const int Countries = 16;
    private static readonly string[] Codes = ["010", "0111", "020", "0256", "036", "040", "042", "043", "046", "051", "057", "061", "062", "070", "100", "111", "112", "120", "130", "1382", "150", "160", "166", "170", "190"];

    /// <summary>The code of mapped country <paramref name="i"/> (QAA, QAB, ...).</summary>
    public static string Country(int i) => $"Q{(char)('A' + i / 26)}{(char)('A' + i % 26)}";

    /// <summary>GDELT 2.0 rows: random pairs of the mapped countries, CAMEO codes that map, dates over 2000–2025.</summary>
    public static async Task WriteAsync(string path, int rows, string run, long firstId = 900_000_000_000L)
    {
        var random = new Random(rows);
        // GLOBALEVENTIDs of this run's own, so a run against a database that earlier runs filled (ConnectionStrings__Marten
        // set) imports its rows rather than finding them already imported.
        firstId += Convert.ToInt64(run, 16) % 1_000_000 * 1_000_000L;
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        var f = new string[61];
        for (var i = 0; i < rows; i++)
        {
            Array.Fill(f, "");
            var a = random.Next(Countries);
            var b = (a + 1 + random.Next(Countries - 1)) % Countries;
            var day = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9490));
            var code = Codes[random.Next(Codes.Length)];
            f[0] = (firstId + i).ToString();
            f[1] = day.ToString("yyyyMMdd");
            f[2] = day.ToString("yyyyMM");
            f[3] = day.Year.ToString();
            (f[5], f[6], f[7]) = (Country(a) + "GOV", $"COUNTRY {Country(a)}", Country(a));
            (f[15], f[16], f[17]) = (Country(b), $"COUNTRY {Country(b)}", Country(b));
            f[25] = "1";
            (f[26], f[27], f[28]) = (code, code[..3], code[..2]);
            f[30] = "1.0";
            (f[31], f[32], f[33]) = ("3", "1", "3");
            f[59] = day.ToString("yyyyMMdd") + "151500";
            // One article per event, so no two rows are one event (RepeatedEvents) and every row is a development.
            f[60] = $"https://news.example.org/{run.ToLowerInvariant()}/{firstId + i}";
            await writer.WriteLineAsync(string.Join('\t', f));
        }
    }
}
