using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>The shared path, dependency and neighbourhood algorithms over an <see cref="IGraphReader"/>.</summary>
public static class GraphTraversal
{
    public static Task<FindPathsResponse> FindPathsAsync(IGraphReader reader, PathQuery query, GraphOntology ontology, CancellationToken cancellationToken) =>
        throw new NotImplementedException("being written");

    public static Task<TraceDependenciesResponse> TraceDependenciesAsync(IGraphReader reader, TraceQuery query, GraphOntology ontology, CancellationToken cancellationToken) =>
        throw new NotImplementedException("being written");

    public static Task<GetNeighborhoodResponse> GetNeighborhoodAsync(IGraphReader reader, NeighborhoodQuery query, GraphOntology ontology, CancellationToken cancellationToken) =>
        throw new NotImplementedException("being written");
}
