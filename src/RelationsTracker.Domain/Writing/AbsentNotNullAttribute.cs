namespace RelationsTracker.Writing;

/// <summary>
/// A body (or part of one) whose optional fields are absent or a value, never null: the host refuses a JSON null in them.
/// The document leaves "nullable" off its properties.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AbsentNotNullAttribute : Attribute;
