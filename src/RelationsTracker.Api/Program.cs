using JasperFx;
using JasperFx.Resources;
using RelationsTracker.Api.Dashboard;
using RelationsTracker.Api.Http;
using RelationsTracker.Api.Http.OpenApi;
using RelationsTracker.Api.Imports;
using RelationsTracker.Api.Notifications;
using RelationsTracker.Api.Relations;
using RelationsTracker.Api.Relations.Replaying;
using RelationsTracker.Api.Security;
using RelationsTracker.Api.Seeding;
using RelationsTracker.Api.Storage;
using RelationsTracker.Api.Webhooks;
using Wolverine;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

// Shared by the read endpoints and the notification subscription, which Marten builds before the container.
var timelines = new RelationTimelines(builder.Configuration.GetValue("Tracker:Reads:DevelopmentsHeld", RelationTimelines.DefaultDevelopmentsHeld));
builder.Services.AddSingleton(timelines);
// First of the hosted services, so the heap is bounded before the warm-up fills it.
builder.Services.AddHostedService<HeapLimit>();
builder.AddTrackerEventStore(timelines);
builder.Host.UseWolverine(opts =>
{
    // Under a test host the entry assembly is the test runner's; endpoints and handlers live here.
    opts.ApplicationAssembly = typeof(Program).Assembly;
    opts.AddWebhookDelivery();
    opts.AddImportQueue();
    opts.DetectDeadNodesQuickly();
});
// Outside Development (tests included) the endpoints' and handlers' code is the code generated ahead of time and
// committed in Internal/Generated (scripts/codegen.sh): no compilation on a first request. Development compiles it.
builder.Services.CritterStackDefaults(defaults => defaults.Production.GeneratedCodeMode = JasperFx.CodeGeneration.TypeLoadMode.Static);
builder.Services.AddResourceSetupOnStartup();
builder.Services.AddWolverineHttp();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = QueryProblems.Customize);
builder.Services.AddExceptionHandler<FaultAnswers>();
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
builder.Services.AddTrackerHealthChecks();
builder.Services.AddWebhookHttpClient();
builder.Services.AddSingleton<CallbackHosts>();
builder.Services.AddWriteRateLimit(builder.Configuration);
builder.Services.AddTrackerOpenApi();
builder.AddImports();

builder.Services.AddSingleton(sp => ApiKeys.From(builder.Configuration, sp.GetRequiredService<ILoggerFactory>().CreateLogger("RelationsTracker.Security")));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<RelationWriter>();
builder.Services.AddSingleton<RouteRelation>();
builder.Services.AddSingleton<NotificationFeed>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationFeed>());
if (builder.Configuration.GetValue<bool>("Tracker:Seed"))
    builder.Services.AddHostedService<DemoHistory>();

var app = builder.Build();
timelines.Logger = app.Services.GetRequiredService<ILogger<RelationTimelines>>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.Use(RequestFraming.RefuseOtherTransferCodingsAsync);
app.UseApiKeys();
app.UseRateLimiter();
app.UseDashboard();
app.MapTrackerHealthChecks();
// A query value that does not parse is a 400 naming it (QueryProblems), never the parameter's default.
app.Use(QueryProblems.RefuseEmptyValuesAsync);
// A JSON body the route's type cannot take is a 400 naming the field (JsonBodies), 413 past the limit, 415 if not JSON.
app.Use(JsonBodies.ReadAsync);
app.MapWolverineEndpoints(opts =>
{
    opts.RejectUnparseableQueryValues = true;
    opts.AddMiddleware(typeof(RelationRoute), RelationRoute.Names);
});
app.MapTrackerOpenApi();

// "projections rebuild" and the other JasperFx/Marten commands run through here (docs/operations.md).
return await app.RunJasperFxCommands(args);

public partial class Program;
