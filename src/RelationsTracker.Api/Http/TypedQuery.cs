using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace RelationsTracker.Api.Http;

/// <summary>The query parameters an endpoint binds into typed values: the [FromQuery] members of its [AsParameters] record.</summary>
public static class TypedQuery
{
    public static IEnumerable<(string Name, PropertyInfo Member)> Of(HttpChain? chain) =>
        chain?.Method.Method.GetParameters()
            .Where(p => p.IsDefined(typeof(AsParametersAttribute), false))
            .SelectMany(p => MembersOf(p.ParameterType))
        ?? [];

    public static IEnumerable<(string Name, PropertyInfo Member)> MembersOf(Type type) =>
        type.GetProperties()
            .Select(p => (From: p.GetCustomAttribute<FromQueryAttribute>(), Member: p))
            // A plain string is read by its record (NotificationQuery's lastEventId), not by a type of its own.
            .Where(x => x.From is not null && x.Member.PropertyType != typeof(string))
            .Select(x => (x.From!.Name ?? x.Member.Name, x.Member));
}
