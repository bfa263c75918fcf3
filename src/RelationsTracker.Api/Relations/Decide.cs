using Marten;
using RelationsTracker.Relations;
using RelationsTracker.Writing;

namespace RelationsTracker.Api.Relations;

/// <summary>
/// Decides a write on the relation's current state. <paramref name="query"/> reads documents as of the
/// last commit; the relation's write model already includes the writes decided before this one.
/// </summary>
public delegate Task<Decision> Decide(IQuerySession query, Relation? relation);
