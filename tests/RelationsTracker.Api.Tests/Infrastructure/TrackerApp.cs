using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RelationsTracker.Api.Relations.Replaying;

namespace RelationsTracker.Api.Tests.Infrastructure;

/// <summary>
/// One tracker for all the integration tests: the real API host (Marten, Wolverine, HTTP) on its own
/// PostgreSQL (see <see cref="TestDatabase"/>). Tests keep out of each other's way by creating their own
/// actors, so no test depends on another's data.
/// </summary>
public sealed class TrackerApp : IAsyncLifetime
{
    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _factory;

    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;
    public Microsoft.AspNetCore.TestHost.TestServer Server => _factory!.Server;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();
    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        // Program ends in RunJasperFxCommands; under a test host it must start the app, not parse a command.
        JasperFxEnvironment.AutoStartHost = true;
        _factory = HostOn(_database.ConnectionString);
        Client = ClientFor(_factory);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    /// <summary>A new, empty database on the same server, for tests that need a tracker of their own.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"tracker_{Guid.NewGuid():N}"[..24];
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        await using (var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        builder.Database = name;
        return builder.ConnectionString;
    }

    /// <summary>The key the tests' hosts accept for writes.</summary>
    public const string ApiKey = "test-key-for-writes";

    /// <summary>Another tracker host (its own daemon and Wolverine node) on the given database.</summary>
    public static WebApplicationFactory<Program> HostOn(string connectionString, bool requireKeyForReads = false,
        IReadOnlyDictionary<string, string>? settings = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Marten", connectionString);
            web.UseSetting("Tracker:Seed", "false");
            // The hosts share the test runner's process: a service's heap limit would bind every test in it.
            web.UseSetting(HeapLimit.Setting, "0");
            web.UseSetting("Tracker:ApiKeys:0", ApiKey);
            web.UseSetting("Tracker:RequireKeyForReads", requireKeyForReads ? "true" : "false");
            // The test's own settings last: they win over these defaults.
            foreach (var (name, value) in settings ?? new Dictionary<string, string>()) web.UseSetting(name, value);
            web.UseEnvironment("Testing");
        });

    /// <summary>A client of the host that sends the API key.</summary>
    public static HttpClient ClientFor(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>
    /// How many events the relations' streams hold: "nothing recorded" means this does not move. (Marten's
    /// own tombstone stream, which fills sequence numbers a failed concurrent transaction reserved, is not a relation.)
    /// </summary>
    public async Task<long> EventCountAsync()
    {
        await using var session = Store.QuerySession();
        var counts = await session.QueryAsync<long>("select count(*) from tracker.mt_events where stream_id <> 'mt_tombstone'");
        return counts[0];
    }
}

[CollectionDefinition(Name)]
public sealed class TrackerCollection : ICollectionFixture<TrackerApp>
{
    public const string Name = "tracker";
}
