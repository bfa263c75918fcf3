using JasperFx;
using JasperFx.Resources;
using RelationsTracker.Api.Infrastructure;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Api.Seeding;
using Wolverine;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddTrackerEventStore();
builder.Host.UseWolverine(opts =>
{
    // Under a test host the entry assembly is the test runner's; endpoints live here.
    opts.ApplicationAssembly = typeof(Program).Assembly;
});
builder.Services.AddResourceSetupOnStartup();
builder.Services.AddWolverineHttp();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
builder.Services.AddTrackerHealthChecks();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<RelationWriter>();
builder.Services.AddSingleton<RelationTimelines>();
builder.Services.AddSingleton<RouteRelation>();
if (builder.Configuration.GetValue<bool>("Tracker:Seed"))
    builder.Services.AddHostedService<DemoHistory>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapTrackerHealthChecks();
app.MapWolverineEndpoints();

// "projections rebuild" and the other JasperFx/Marten commands run through here (docs/operations.md).
return await app.RunJasperFxCommands(args);

public partial class Program;
