using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Reference;

/// <summary>A read-only view of the reference store: the immutable state it was opened on.</summary>
internal sealed class ReferenceSnapshot(GraphState state) : IGraphSnapshot
{
    public Task<IReadOnlyList<Relationship>> GetAdjacentRelationshipsAsync(IReadOnlyCollection<string> entities, Direction direction, IReadOnlySet<string> types, DateTimeOffset asOf, int limit, CancellationToken cancellationToken)
    {
        var from = entities.ToHashSet(StringComparer.Ordinal);
        var instant = Timestamp.FromDateTimeOffset(asOf);
        return Answer(state.Relationships.Values
            .Where(r => Touches(r, from.Contains, direction) && (types.Count == 0 || types.Contains(r.Type)) && IsValidAt(r, instant))
            .Take(limit));
    }

    public Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        Task.FromResult(state.FindEntities(names));

    public Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        Task.FromResult(state.FindRelationships(names));

    public Task<IReadOnlyList<Entity>> ListEntitiesAsync(EntityListQuery query, CancellationToken cancellationToken) =>
        Answer(state.Entities.Values
            .Where(e => IsUnset(query.Kind) || e.Kind == query.Kind)
            .Where(e => IsAfter(e.Name, query.AfterName))
            .Take(query.Limit));

    public Task<IReadOnlyList<Relationship>> ListRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken) =>
        Answer(state.Relationships.Values
            .Where(r => IsUnset(query.Type) || r.Type == query.Type)
            .Where(r => IsUnset(query.Source) || r.Source == query.Source)
            .Where(r => IsUnset(query.Target) || r.Target == query.Target)
            .Where(r => IsUnset(query.Entity) || Touches(r, name => name == query.Entity, query.Direction))
            .Where(r => IsAfter(r.Name, query.AfterName))
            .Take(query.Limit));

    public async IAsyncEnumerable<SearchCandidate> SearchCandidatesAsync(string normalizedQuery, IReadOnlyCollection<string> kinds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var entity in state.Entities.Values.Where(e => kinds.Count == 0 || kinds.Contains(e.Kind)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var searchText = EntitySearch.IndexOf(entity);
            if (searchText.Contains(normalizedQuery, StringComparison.Ordinal)) yield return new SearchCandidate(entity.Name, searchText);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>OUTGOING: the relationship starts at one of the entities; INCOMING: ends at one; otherwise either.</summary>
    private static bool Touches(Relationship relationship, Func<string, bool> isOneOf, Direction direction) => direction switch
    {
        Direction.Outgoing => isOneOf(relationship.Source),
        Direction.Incoming => isOneOf(relationship.Target),
        _ => isOneOf(relationship.Source) || isOneOf(relationship.Target),
    };

    /// <summary>valid_from &lt;= asOf &lt; valid_to, an unset end being unbounded.</summary>
    private static bool IsValidAt(Relationship relationship, Timestamp asOf) =>
        (relationship.ValidFrom is null || relationship.ValidFrom.CompareTo(asOf) <= 0)
        && (relationship.ValidTo is null || asOf.CompareTo(relationship.ValidTo) < 0);

    private static bool IsUnset(string? filter) => string.IsNullOrEmpty(filter);

    private static bool IsAfter(string name, string? afterName) => IsUnset(afterName) || string.CompareOrdinal(name, afterName) > 0;

    private static Task<IReadOnlyList<T>> Answer<T>(IEnumerable<T> resources) where T : Google.Protobuf.IDeepCloneable<T> =>
        Task.FromResult<IReadOnlyList<T>>([.. resources.Select(r => r.Clone())]);
}
