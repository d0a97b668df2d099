using System.Runtime.CompilerServices;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.Store.Neo4j.Mapping;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.Snapshot;

/// <summary>
/// A read-only view for one call: auto-commit READ statements, each carrying the snapshot's bookmarks
/// (the store's own and the call's), so whichever cluster member answers has at least those writes.
/// </summary>
internal sealed class Neo4jSnapshot(QueryApiTransport transport, IReadOnlyList<string> bookmarks) : IGraphSnapshot
{
    /// <summary>Search candidates are read in pages of this many, in id order, until none are left.</summary>
    internal const int SearchPageSize = 1000;

    private string Location => transport.Options.Location;

    public Task<IReadOnlyList<Relationship>> GetAdjacentRelationshipsAsync(
        IReadOnlyCollection<string> entities, Direction direction, IReadOnlySet<string> types, DateTimeOffset asOf, int limit, CancellationToken cancellationToken) =>
        StoreOperation.RunAsync<IReadOnlyList<Relationship>>("Snapshot.GetAdjacentRelationships", Location, async () =>
        {
            if (entities.Count == 0 || limit <= 0) return [];
            var ids = entities.Select(PropertyMaps.EntityId).Distinct().ToList();
            var found = new Dictionary<string, Relationship>(StringComparer.Ordinal);
            if (direction != Direction.Incoming)
                foreach (var r in await AdjacentAsync(types.Count == 0 ? RelationshipStatements.Outgoing : RelationshipStatements.OutgoingOfTypes))
                    found[r.Name] = r;
            if (direction != Direction.Outgoing)
                foreach (var r in await AdjacentAsync(types.Count == 0 ? RelationshipStatements.Incoming : RelationshipStatements.IncomingOfTypes))
                    found[r.Name] = r;
            return found.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Take(limit).ToList();

            async Task<IEnumerable<Relationship>> AdjacentAsync(CypherStatement statement)
            {
                var bound = types.Count == 0
                    ? statement.Bind(("ids", ids), ("as_of", asOf), ("limit", limit))
                    : statement.Bind(("ids", ids), ("types", types.ToList()), ("as_of", asOf), ("limit", limit));
                return (await ReadAsync(bound, cancellationToken)).Rows.Select(StoredRows.Relationship);
            }
        });

    public Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        StoreOperation.RunAsync<IReadOnlyList<Entity>>("Snapshot.GetEntities", Location, async () =>
        {
            if (names.Count == 0) return [];
            var result = await ReadAsync(EntityStatements.Get.Bind(("ids", names.Select(PropertyMaps.EntityId).Distinct().ToList())), cancellationToken);
            var wanted = names.ToHashSet(StringComparer.Ordinal);
            return result.Rows.Select(StoredRows.Entity).Where(e => wanted.Contains(e.Name)).ToList();
        });

    public Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        StoreOperation.RunAsync<IReadOnlyList<Relationship>>("Snapshot.GetRelationships", Location, async () =>
        {
            if (names.Count == 0) return [];
            var result = await ReadAsync(RelationshipStatements.Get.Bind(("ids", names.Select(PropertyMaps.RelationshipId).Distinct().ToList())), cancellationToken);
            var wanted = names.ToHashSet(StringComparer.Ordinal);
            return result.Rows.Select(StoredRows.Relationship).Where(r => wanted.Contains(r.Name)).ToList();
        });

    public Task<IReadOnlyList<Entity>> ListEntitiesAsync(EntityListQuery query, CancellationToken cancellationToken) =>
        StoreOperation.RunAsync<IReadOnlyList<Entity>>("Snapshot.ListEntities", Location, async () =>
        {
            var after = query.AfterName ?? "";
            var limit = Math.Max(0, query.Limit);
            var statement = string.IsNullOrEmpty(query.Kind)
                ? EntityStatements.List.Bind(("after", after), ("limit", limit))
                : EntityStatements.ListByKind.Bind(("kind", query.Kind), ("after", after), ("limit", limit));
            return (await ReadAsync(statement, cancellationToken)).Rows.Select(StoredRows.Entity).ToList();
        });

    public Task<IReadOnlyList<Relationship>> ListRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken) =>
        StoreOperation.RunAsync<IReadOnlyList<Relationship>>("Snapshot.ListRelationships", Location, async () =>
        {
            if (RelationshipListPlan.For(query) is not { } plan) return [];
            return (await ReadAsync(plan.Statement, cancellationToken)).Rows.Select(StoredRows.Relationship).ToList();
        });

    public async IAsyncEnumerable<SearchCandidate> SearchCandidatesAsync(
        string normalizedQuery, IReadOnlyCollection<string> kinds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var page = await StoreOperation.RunAsync("Snapshot.SearchCandidates", Location, async () =>
            {
                var statement = kinds.Count == 0
                    ? EntityStatements.SearchCandidates.Bind(("after", after), ("query", normalizedQuery), ("limit", SearchPageSize))
                    : EntityStatements.SearchCandidatesOfKinds.Bind(("after", after), ("kinds", kinds.ToList()), ("query", normalizedQuery), ("limit", SearchPageSize));
                return (await ReadAsync(statement, cancellationToken)).Rows;
            });
            foreach (var row in page) yield return new SearchCandidate(row.Get<string>("name"), row.Get<string>("search_text"));
            if (page.Count < SearchPageSize) yield break;
            after = page[^1].Get<string>("id");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<QueryResult> ReadAsync(BoundStatement statement, CancellationToken cancellationToken) =>
        transport.ReadAsync(statement, bookmarks, cancellationToken);
}
