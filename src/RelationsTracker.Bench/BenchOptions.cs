namespace RelationsTracker.Bench;

public sealed record BenchOptions(
    string ConnectionString,
    string DatabaseDescription,
    string ApiDll,
    int[] Sizes,
    int Reads,
    int Posts,
    int Writers,
    int SustainedSeconds,
    int Notifications,
    int LoadSeconds,
    int ImportRows,
    int ImportWarmUpRows,
    bool TwoNodes,
    int ManyRelations,
    int DevelopmentsEach,
    bool ManyAsImported,
    int LargeRelation,
    int NewNodes)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
                         ?? throw new InvalidOperationException("Set ConnectionStrings__Marten (./bench.sh does).");
        var apiDll = Path.GetFullPath(Arg("--api") ?? throw new InvalidOperationException("Pass --api <path to RelationsTracker.Api.dll> (./bench.sh does)."));
        var sizes = (Arg("--sizes") ?? "1000,10000,100000").Split(',').Select(int.Parse).ToArray();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        return new BenchOptions(connection, $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}", apiDll, sizes,
            int.Parse(Arg("--reads") ?? "200"), int.Parse(Arg("--posts") ?? "300"), int.Parse(Arg("--writers") ?? "8"),
            int.Parse(Arg("--seconds") ?? "10"), int.Parse(Arg("--notifications") ?? "1000"),
            args.Contains("--load") ? int.Parse(Arg("--load") is { } l && !l.StartsWith("--") ? l : "60") : 0,
            args.Contains("--import") ? int.Parse(Arg("--import") is { } n && !n.StartsWith("--") ? n : "1000000") : 0,
            int.Parse(Arg("--warm-up") ?? "100"), args.Contains("--two-nodes"),
            args.Contains("--many") ? int.Parse(Arg("--many") is { } m && !m.StartsWith("--") ? m : "10000") : 0,
            int.Parse(Arg("--each") ?? "100"), args.Contains("--as-imported"), int.Parse(Arg("--large") ?? "0"),
            int.Parse(Arg("--new-nodes") ?? "3"));
    }
}
