using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Sqlite;

public sealed partial class SqliteGraphStore
{
    public Task<IReadOnlyList<SearchResult>> SearchEntitiesAsync(string query, IReadOnlyCollection<string> kinds, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<SearchResult>>("SearchEntities", async s =>
        {
            var normalized = SearchText.Normalize(query);
            if (normalized.Length == 0 || limit <= 0) return [];
            var candidates = await EntityTable.SearchCandidatesAsync(s, normalized, kinds, cancellationToken);
            return candidates
                .Select(entity => EntitySearchText.Score(entity, normalized))
                .OfType<SearchResult>()
                .OrderByDescending(r => r.Score)
                .ThenBy(r => r.Entity.Name, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
        }, cancellationToken);

    public Task<FindPathsResponse> FindPathsAsync(PathQuery query, CancellationToken cancellationToken) =>
        Observe("FindPaths", () => TraverseAsync(reader => GraphTraversal.FindPathsAsync(reader, query, _validator.Ontology, cancellationToken), cancellationToken), cancellationToken);

    public Task<TraceDependenciesResponse> TraceDependenciesAsync(TraceQuery query, CancellationToken cancellationToken) =>
        Observe("TraceDependencies", () => TraverseAsync(reader => GraphTraversal.TraceDependenciesAsync(reader, query, _validator.Ontology, cancellationToken), cancellationToken), cancellationToken);

    public Task<GetNeighborhoodResponse> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken) =>
        Observe("GetNeighborhood", () => TraverseAsync(reader => GraphTraversal.GetNeighborhoodAsync(reader, query, _validator.Ontology, cancellationToken), cancellationToken), cancellationToken);

    private async Task<T> TraverseAsync<T>(Func<IGraphReader, Task<T>> traversal, CancellationToken cancellationToken)
    {
        await using var reader = await SqliteGraphReader.OpenAsync(_database, cancellationToken);
        return await traversal(reader);
    }
}
