using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Microsoft.Extensions.DependencyInjection;
using RelationsTracker.Api.Tests.Infrastructure;
using RelationsTracker.Api.Tests.OpenApi;

namespace RelationsTracker.Api.Tests;

/// <summary>
/// Outside Development the service runs the endpoint and handler code committed in Internal/Generated, never
/// compiling any at run time (Program, TypeLoadMode.Static). That code must be what Wolverine generates from the
/// endpoints and handlers as they are now: a middleware or a validation added to an endpoint changes its generated
/// code, and stale code would still compile and silently skip it. scripts/codegen.sh writes it anew.
/// </summary>
public class GeneratedCodeTests(TrackerApp app) : TrackerTest(app)
{
    public const string Folder = "src/RelationsTracker.Api/Internal/Generated";

    [Fact]
    public void The_committed_generated_code_is_what_the_endpoints_and_handlers_generate_now()
    {
        var services = App.Services;
        var collections = services.GetServices<ICodeFileCollection>().ToArray();
        var work = Directory.CreateTempSubdirectory("tracker-codegen-");
        var paths = collections.Select(c => c.Rules.GeneratedCodeOutputPath).ToArray();
        try
        {
            foreach (var collection in collections) collection.Rules.GeneratedCodeOutputPath = work.FullName;
            new DynamicCodeBuilder(services, collections) { ServiceVariableSource = services.GetService<IServiceVariableSource>() }
                .WriteGeneratedCode(_ => { });
        }
        finally
        {
            for (var i = 0; i < collections.Length; i++) collections[i].Rules.GeneratedCodeOutputPath = paths[i];
        }

        var committed = TypedClient.PathInRepository(Folder);
        var expected = Files(work.FullName);
        work.Delete(recursive: true);

        var actual = Directory.Exists(committed) ? Files(committed) : new SortedDictionary<string, string>();
        Assert.True(expected.Keys.SequenceEqual(actual.Keys),
            $"The generated files differ from {Folder}: run scripts/codegen.sh and commit it. Missing: {string.Join(", ", expected.Keys.Except(actual.Keys))}; not generated any more: {string.Join(", ", actual.Keys.Except(expected.Keys))}");
        foreach (var (name, text) in expected)
            Assert.True(text == actual[name], $"{Folder}/{name} is not what Wolverine generates now: run scripts/codegen.sh and commit it.");
    }

    private static SortedDictionary<string, string> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => File.ReadAllText(f).Replace("\r\n", "\n")), StringComparer.Ordinal);
}
