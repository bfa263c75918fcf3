using System.Text.Json;
using RelationsTracker.Api.Http;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Developments.Retracting;

/// <summary>The body of POST .../retraction, parsed and checked field by field into a <see cref="RetractDevelopment"/>.</summary>
public static class RetractDevelopmentRequest
{
    public static (RetractDevelopment? Command, FieldErrors Errors) Parse(JsonElement root, DateOnly today)
    {
        var errors = new FieldErrors();
        if (JsonObjectReader.ForBody(root, errors) is not { } body) return (null, errors);
        var reason = body.String("reason", required: true, DevelopmentFields.MaxReason);
        var sources = DevelopmentFields.Sources(body, required: false, today) ?? [];
        body.RejectUnknownProperties();
        return errors.Any ? (null, errors) : (new RetractDevelopment(reason!, sources), errors);
    }
}
