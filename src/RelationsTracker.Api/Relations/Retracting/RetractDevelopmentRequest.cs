using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using RelationsTracker.Api.Infrastructure;
using RelationsTracker.Api.Infrastructure.OpenApi;
using RelationsTracker.Api.Relations.Recording;
using RelationsTracker.Developments;
using RelationsTracker.Relations;
using Wolverine.Http;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations.Retracting;

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
