using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Application.Queries;

/// <summary>
/// Answers from the store itself: each question runs the traversals over one snapshot, reading a
/// whole frontier per store call (one batched statement on Neo4j). For graphs larger than one
/// Queries replica's memory; slower than the projection, with the same answers.
/// </summary>
public sealed class StoreQueryEngine(IGraphStore store, GraphOntology ontology, TimeProvider clock) : IQueryEngine
{
    public async Task<PathsResult> FindPathsAsync(PathQuery query, ReadConsistency consistency, CallContext call)
    {
        await using var snapshot = await store.OpenSnapshotAsync(consistency, call.Cancellation);
        await RequireAsync(snapshot, [query.Source, query.Target], query.Exclude, call.Cancellation);
        return await GraphTraversal.FindPathsAsync(snapshot, query, ontology, clock, call.Cancellation);
    }

    public async Task<TraceResult> TraceDependenciesAsync(TraceQuery query, ReadConsistency consistency, CallContext call)
    {
        await using var snapshot = await OpenForTraceAsync(query, consistency, call);
        return await GraphTraversal.TraceDependenciesAsync(snapshot, query, ontology, clock, call.Cancellation);
    }

    public async Task<ChokepointsResult> FindChokepointsAsync(ChokepointQuery query, ReadConsistency consistency, CallContext call)
    {
        await using var snapshot = await OpenForTraceAsync(query.Trace, consistency, call);
        return await GraphTraversal.FindChokepointsAsync(snapshot, query, ontology, clock, call.Cancellation);
    }

    public async Task<NeighborhoodResult> GetNeighborhoodAsync(NeighborhoodQuery query, ReadConsistency consistency, CallContext call)
    {
        await using var snapshot = await store.OpenSnapshotAsync(consistency, call.Cancellation);
        await RequireAsync(snapshot, [query.Center], Exclusions.None, call.Cancellation);
        return await GraphTraversal.GetNeighborhoodAsync(snapshot, query, ontology, clock, call.Cancellation);
    }

    /// <summary>The snapshot a trace runs on, once its root, commodity and exclusions are checked in it.</summary>
    private async Task<IGraphSnapshot> OpenForTraceAsync(TraceQuery query, ReadConsistency consistency, CallContext call)
    {
        var snapshot = await store.OpenSnapshotAsync(consistency, call.Cancellation);
        try
        {
            var found = await RequireAsync(snapshot, [query.Root], query.Exclude, call.Cancellation, optional: query.Commodity);
            if (query.Commodity is { } commodity) QueryChecks.RequireCommodity(commodity, found.GetValueOrDefault(commodity)?.Kind);
            return snapshot;
        }
        catch
        {
            await snapshot.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Reads the question's entities in its snapshot: NOT_FOUND for the first of <paramref name="required"/>
    /// or of the exclusions that is missing; <paramref name="optional"/> is read too, for the caller to check.
    /// </summary>
    private static async Task<Dictionary<string, Entity>> RequireAsync(IGraphSnapshot snapshot, IReadOnlyList<string> required, Exclusions exclude, CancellationToken cancellationToken, string? optional = null)
    {
        var names = required.Concat(exclude.Entities).Append(optional).OfType<string>().Distinct().ToList();
        var found = (await snapshot.GetEntitiesAsync(names, cancellationToken)).ToDictionary(e => e.Name, StringComparer.Ordinal);
        var missing = required.Concat(exclude.Entities.Order(StringComparer.Ordinal)).FirstOrDefault(n => !found.ContainsKey(n));
        if (missing is not null) throw QueryChecks.Missing(missing);
        if (exclude.Relationships.Count > 0)
        {
            var relationships = (await snapshot.GetRelationshipsAsync([.. exclude.Relationships], cancellationToken)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            var gone = exclude.Relationships.Order(StringComparer.Ordinal).FirstOrDefault(n => !relationships.Contains(n));
            if (gone is not null) throw QueryChecks.Missing(gone);
        }
        return found;
    }
}
