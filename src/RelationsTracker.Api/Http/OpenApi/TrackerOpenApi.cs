using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;
using RelationsTracker.Api.Security;
using RelationsTracker.Api.Storage;
using Wolverine.Http;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (docs/api.md): Microsoft.AspNetCore.OpenApi reads ApiExplorer,
/// where Wolverine describes its endpoints and <see cref="DescribedMetadataProvider"/> adds bodies and problems;
/// the transformers here add what is not a type: parameters read by hand, headers, security, health routes.
/// </summary>
public static class TrackerOpenApi
{
    public const string DocumentName = "v1";
    public const string Route = "/openapi/{documentName}.json";
    public const string ApiKeyScheme = "ApiKey";

    public static void AddTrackerOpenApi(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, DescribedMetadataProvider>());
        services.AddOpenApi(DocumentName, options =>
        {
            // OpenAPI 3.0, not .NET 10's default 3.1: NSwag (the client generator, NJsonSchema underneath) reads 3.0's
            // "nullable: true" but not 3.1's type arrays (["string", "null"]), and every validator and generator knows 3.0.
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            // The problem bodies keep the names clients have known them by; the 412's is its own.
            options.CreateSchemaReferenceId = type =>
                type.Type == typeof(ProblemAnswer) ? "ProblemDetails"
                : type.Type == typeof(ValidationProblemAnswer) ? "HttpValidationProblemDetails"
                : type.Type == typeof(PreconditionFailedAnswer) ? "PreconditionFailedProblemDetails"
                // A query value is described where it is a parameter, not as a schema of its own.
                : QueryValueSchemas.Describes(type.Type) ? null
                // A write's body keeps the schema name clients know it by (RecordDevelopmentBody, SourceBody).
                : type.Type.IsDefined(typeof(AbsentNotNullAttribute), false) && type.Type.Name.EndsWith("Request", StringComparison.Ordinal)
                    ? type.Type.Name[..^"Request".Length] + "Body"
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                DescribeDocument(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                DescribeOperation(operation, context.Description, context.Document!);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                DescribeSchema(schema, context);
                return Task.CompletedTask;
            });
        });
    }

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Developments"] = "What analysts record in a relation: developments, their corrections, retractions and reports.",
        ["Relations"] = "A relation's state and warming score at any date, as known at any moment.",
        ["Actors"] = "The countries and factions relations are between.",
        ["Notifications"] = "New developments and phase changes as Server-Sent Events.",
        ["Subscriptions"] = "Webhooks: notifications POSTed to a callback, signed.",
        ["Imports"] = "GDELT 2.0 events and mentions files and CSV files, recorded in batches.",
        ["Feeds"] = "GDELT indexes followed on a schedule, each new events export imported once.",
        ["Health"] = "Liveness and readiness, for load balancers and orchestrators.",
    };

    public static void MapTrackerOpenApi(this WebApplication app) => app.MapOpenApi(Route);

    private static void DescribeDocument(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "RelationsTracker API",
            Version = "1",
            Description = "An event-sourced tracker of relations between countries and factions: record developments, " +
                          "replay any relation to any date (asOf) as it was known at any moment (knownAt). " +
                          "Every error is an RFC 9457 problem details body (application/problem+json).",
        };
        // Relative to where the document is served, so it is the same on every host (and the committed client does
        // not drift with the test server's address): clients set their base address.
        document.Servers = [new OpenApiServer { Url = "/" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeys.Header,
            Description = "One of the configured keys (Tracker__ApiKeys__0, ...). Writes (POST, PUT, DELETE under /api) need it; " +
                          "reads too when Tracker__RequireKeyForReads=true.",
        };

        Health.Describe(document);
        NullableReferencesWithType(document);
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = "Health" });
        foreach (var tag in document.Tags) tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
    }

    /// <summary>
    /// A nullable property of a described type comes out of ASP.NET Core as <c>oneOf: [{nullable}, {$ref}]</c>, whose
    /// first branch is a "nullable" without a type, which OpenAPI 3.0 does not allow: it is said as a null object.
    /// </summary>
    private static void NullableReferencesWithType(OpenApiDocument document)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
            {
                if (property.OneOf is not { Count: 2 } oneOf || !oneOf.OfType<OpenApiSchemaReference>().Any()) continue;
                foreach (var none in oneOf.OfType<OpenApiSchema>().Where(o => o.Type == JsonSchemaType.Null))
                    none.Type = JsonSchemaType.Object | JsonSchemaType.Null;
            }
        }
    }

    private static void DescribeOperation(OpenApiOperation operation, ApiDescription description, OpenApiDocument document)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;

        // Wolverine gives an endpoint without a description its route as description: say nothing instead.
        if (metadata.OfType<HttpChain>().FirstOrDefault() is { } chain)
        {
            if (chain.EndpointDescription is null) operation.Description = null;
            if (chain.EndpointSummary is null) operation.Summary = null;
        }

        if (metadata.OfType<HttpChain>().FirstOrDefault() is { } described) QueryValueSchemas.DescribeParameters(operation, described);

        // Route values and headers Wolverine described as plain strings get what they hold, by name (ApiParameters).
        for (var i = 0; i < (operation.Parameters?.Count ?? 0); i++)
        {
            if (ApiParameters.Describing(operation.Parameters![i], description.RelativePath) is { } parameter) operation.Parameters[i] = parameter;
        }
        if (metadata.OfType<FileRequestBodyAttribute>().FirstOrDefault() is { } file)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = file.Description,
                Content = file.MediaTypes.ToDictionary(type => type,
                    _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
            };
        }
        foreach (var header in metadata.OfType<ResponseHeaderAttribute>())
            AddResponseHeader(operation, header.StatusCode, header.Name);

        if (!DescribedMetadataProvider.IsApiRoute(description)) return;
        AddResponseHeader(operation, StatusCodes.Status503ServiceUnavailable, "Retry-After");
        var key = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] };
        if (DescribedMetadataProvider.NeedsKey(description))
        {
            operation.Security = [key];
            if (DescribedMetadataProvider.IsWrite(description)) AddResponseHeader(operation, StatusCodes.Status429TooManyRequests, "Retry-After");
        }
        else
        {
            // Open by default; a key is needed only when Tracker__RequireKeyForReads=true. The empty requirement says "or none".
            operation.Security = [new OpenApiSecurityRequirement(), key];
        }
    }

    private static void AddResponseHeader(OpenApiOperation operation, int status, string name)
    {
        if (operation.Responses?.TryGetValue(status.ToString(), out var response) != true || response is not OpenApiResponse concrete)
            throw new InvalidOperationException($"{operation.OperationId}: a {name} header on {status}, which the operation does not answer");
        concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
        concrete.Headers[name] = ApiParameters.ResponseHeader(name);
    }

    private static void DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        // The API reads bodies strictly (ApiJson): a write's body takes no field it does not name. What it writes may grow.
        if (!context.JsonTypeInfo.Type.IsDefined(typeof(AbsentNotNullAttribute), false)) schema.AdditionalPropertiesAllowed = true;

        if (QueryValueSchemas.Describe(schema, context.JsonTypeInfo.Type)) return;

        // The API writes numbers as JSON numbers; ASP.NET Core's web defaults would also read them from strings,
        // which the schema would otherwise report as "integer or string". No body takes a number, so say what is written.
        if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (context.JsonPropertyInfo?.DeclaringType.IsDefined(typeof(AbsentNotNullAttribute), false) == true && schema.Type is { } declared)
            schema.Type = declared & ~JsonSchemaType.Null;

        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(OneOfAttribute), true).FirstOrDefault() is OneOfAttribute oneOf)
        {
            var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
            target.Enum = AllowedNames.Of(oneOf.List).Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
        }
    }
}
