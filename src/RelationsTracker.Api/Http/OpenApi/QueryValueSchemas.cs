using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Nodes;
using Wolverine.Http;
using Microsoft.OpenApi;
using RelationsTracker.Notifying;
using RelationsTracker.Developments;
using RelationsTracker.Api.Imports;
using RelationsTracker.Api.Notifications;
using RelationsTracker.Api.Developments.Timeline;
using RelationsTracker.Relations;
using RelationsTracker.Scoring;

namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>
/// The read routes' query values as the OpenAPI document shows them, from their types: each value type's schema
/// (the form it parses), and each [FromQuery] member's [Description].
/// </summary>
public static class QueryValueSchemas
{
    private static readonly Dictionary<Type, Func<OpenApiSchema>> Schemas = new()
    {
        [typeof(CalendarDate)] = () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
        [typeof(CalendarMonth)] = () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^\d{4}-(0[1-9]|1[0-2])$" },
        [typeof(Instant)] = () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Pattern = Instant.Pattern },
        [typeof(HalfLife)] = () => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int32",
            Minimum = WarmingScore.MinHalfLifeDays.ToString(), Maximum = WarmingScore.MaxHalfLifeDays.ToString(),
            Default = WarmingScore.DefaultHalfLifeDays,
        },
        [typeof(SeriesStep)] = () => ApiParameters.Enum(SeriesStep.Names, "day"),
        [typeof(WeightingName)] = () => ApiParameters.Enum(WeightingName.Names, "plain"),
        [typeof(RelationName)] = () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = ApiParameters.RelationPattern },
        [typeof(KindFilter)] = () => new OpenApiSchema { Type = JsonSchemaType.String },
        [typeof(DevelopmentTypeFilter)] = () => new OpenApiSchema { Type = JsonSchemaType.String },
        [typeof(SignificanceFilter)] = () => new OpenApiSchema { Type = JsonSchemaType.String },
        [typeof(ActorName)] = () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = ActorId.PatternText },
        [typeof(ImportFormatName)] = () => ApiParameters.Enum(ImportFormatName.Names, null),
        [typeof(Flag)] = () => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = false },
        [typeof(PageLimit)] = () => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = PageLimit.Max.ToString(), Default = PageLimit.Default },
        [typeof(PageCursor)] = () => new OpenApiSchema { Type = JsonSchemaType.String },
    };

    public static bool Describes(Type type) => Schemas.ContainsKey(Nullable.GetUnderlyingType(type) ?? type);

    /// <summary>Replaces the schema a query value type would get as an object with the form it parses; false for other types.</summary>
    public static bool Describe(OpenApiSchema schema, Type type)
    {
        if (!Schemas.TryGetValue(Nullable.GetUnderlyingType(type) ?? type, out var make)) return false;
        var described = make();
        schema.Type = described.Type;
        schema.Format = described.Format;
        schema.Pattern = described.Pattern;
        schema.Minimum = described.Minimum;
        schema.Maximum = described.Maximum;
        schema.Default = described.Default;
        schema.Enum = described.Enum;
        schema.Properties = null;
        schema.Required = null;
        return true;
    }

    /// <summary>Each typed query member of the endpoint (<see cref="TypedQuery"/>) gives its parameter its description.</summary>
    public static void DescribeParameters(OpenApiOperation operation, HttpChain chain)
    {
        foreach (var (name, member) in TypedQuery.Of(chain))
        {
            if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name && p.In == ParameterLocation.Query) is { } parameter)
                parameter.Description = member.GetCustomAttribute<DescriptionAttribute>()?.Description;
        }
    }
}
