namespace RelationsTracker.Api.Http.OpenApi;

/// <summary>
/// A body (or part of one) whose optional fields are absent or a value, never null: <see cref="BodyProblem"/> refuses a JSON null.
/// The document leaves "nullable" off its properties.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AbsentNotNullAttribute : Attribute;
