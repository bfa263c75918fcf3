using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;

namespace RelationsTracker.Api.Storage;

/// <summary>/health/live answers while the process runs; /health/ready also needs the database to answer and the warm-up done (<see cref="WarmUp"/>).</summary>
public static class Health
{
    public static void AddTrackerHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<WarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<WarmUp>());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<WarmUp>("warm-up", tags: ["ready"]);
    }

    public static void MapTrackerHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }

    /// <summary>
    /// The health routes in the OpenAPI document. They are not route handlers (they answer any method), so
    /// ApiExplorer does not see them; GET is what probes use.
    /// </summary>
    public static void Describe(OpenApiDocument document)
    {
        document.Paths.Add("/health/live", Path("getLiveness", "Liveness: Healthy while the process runs.", canFail: false));
        document.Paths.Add("/health/ready", Path("getReadiness", "Readiness: Healthy when the database answers and the first requests have been made, else 503 Unhealthy.", canFail: true));
    }

    private static OpenApiPathItem Path(string operationId, string summary, bool canFail)
    {
        var text = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Healthy" };
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Description = "Healthy", Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = text } } },
        };
        if (canFail)
        {
            responses["503"] = new OpenApiResponse
            {
                Description = "Unhealthy: the database does not answer, or the service is still warming up.",
                Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            };
        }
        var item = new OpenApiPathItem();
        item.AddOperation(HttpMethod.Get, new OpenApiOperation
        {
            OperationId = operationId,
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new("Health") },
            Responses = responses,
            // Open to all, said so: an empty requirement.
            Security = [new OpenApiSecurityRequirement()],
        });
        return item;
    }

    private sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var session = store.QuerySession();
                await session.QueryAsync<int>("select 1", ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", e);
            }
        }
    }
}
