using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Store;

namespace KnowledgeGraph.Application.Queries;

/// <summary>
/// What answers a checked graph question: the in-memory projection (<see cref="Projection.ProjectionEngine"/>,
/// the default) or the store itself (<see cref="StoreQueryEngine"/>, for graphs larger than one
/// replica's memory). Both give the same paths, routes and neighbourhoods; each checks that the
/// entities (and excluded relationships) a question names exist in the state it answers from (NOT_FOUND otherwise).
/// </summary>
public interface IQueryEngine
{
    Task<PathsResult> FindPathsAsync(PathQuery query, ReadConsistency consistency, CallContext call);

    Task<TraceResult> TraceDependenciesAsync(TraceQuery query, ReadConsistency consistency, CallContext call);

    Task<ChokepointsResult> FindChokepointsAsync(ChokepointQuery query, ReadConsistency consistency, CallContext call);

    Task<NeighborhoodResult> GetNeighborhoodAsync(NeighborhoodQuery query, ReadConsistency consistency, CallContext call);
}
