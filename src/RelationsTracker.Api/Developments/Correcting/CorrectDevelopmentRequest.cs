using System.Text.Json;
using RelationsTracker.Api.Http;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Developments.Correcting;

/// <summary>The body of POST .../correction, parsed and checked field by field into a <see cref="CorrectDevelopment"/>.</summary>
public static class CorrectDevelopmentRequest
{
    public static (CorrectDevelopment? Command, FieldErrors Errors) Parse(JsonElement root, DateOnly today)
    {
        var errors = new FieldErrors();
        if (JsonObjectReader.ForBody(root, errors) is not { } body) return (null, errors);
        var reason = body.String("reason", required: true, DevelopmentFields.MaxReason);
        var occurredOn = DevelopmentFields.OccurredOn(body, required: false, today);
        var type = DevelopmentFields.Type(body, required: false);
        var significance = DevelopmentFields.Significance(body);
        var summary = body.String("summary", required: false, DevelopmentFields.MaxSummary);
        body.RejectUnknownProperties();
        if (!errors.Any && occurredOn is null && type is null && significance is null && summary is null)
            errors.Add("body", "names nothing to correct: give at least one of occurredOn, type, significance, summary");
        return errors.Any ? (null, errors) : (new CorrectDevelopment(reason!, occurredOn, type, significance, summary), errors);
    }
}
