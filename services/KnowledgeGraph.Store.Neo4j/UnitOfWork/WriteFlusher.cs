using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.Store.Neo4j.Mapping;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j.UnitOfWork;

/// <summary>
/// Applies a unit of work's buffered writes inside its transaction, in batched <c>UNWIND $rows</c>
/// statements: first the change-feed positions are reserved (which locks the counter until commit),
/// then relationship deletes, entity deletes, entity inserts and replaces with their kind labels,
/// relationship inserts and replaces, and the request records. Each change gets the next position in
/// that order.
/// </summary>
internal sealed class WriteFlusher(GraphOntology ontology)
{
    private readonly IReadOnlyDictionary<string, CypherStatement> _kindLabels = EntityStatements.SetKindLabel(ontology);
    private readonly IReadOnlyDictionary<string, CypherStatement> _relationshipInserts = RelationshipStatements.Insert(ontology);

    public async Task FlushAsync(QueryApiTransaction tx, PendingWrites writes, CancellationToken cancellationToken)
    {
        var next = await ReserveAsync(tx, writes.ChangeCount, cancellationToken);
        long Next() => next++;

        var entities = writes.Entities;
        var relationships = writes.Relationships;
        await RunFoundAsync(tx, RelationshipStatements.Delete, relationships.Deletes.Select(name => Row(
            ("id", PropertyMaps.RelationshipId(name)), ("name", name), ("change_seq", Next()))).ToList(), cancellationToken);
        await RunFoundAsync(tx, EntityStatements.Delete, entities.Deletes.Select(name => Row(
            ("id", PropertyMaps.EntityId(name)), ("name", name), ("change_seq", Next()))).ToList(), cancellationToken);

        await RunAsync(tx, EntityStatements.Insert, entities.Inserts.Select(e => Row(
            ("name", e.Name), ("props", PropertyMaps.Entity(e.Value, Next())))).ToList(), cancellationToken);
        await RunFoundAsync(tx, EntityStatements.Replace, entities.Replaces.Select(e => Row(
            ("id", PropertyMaps.EntityId(e.Name)), ("props", PropertyMaps.Entity(e.Value, Next())))).ToList(), cancellationToken);
        foreach (var kind in entities.Inserts.Concat(entities.Replaces).GroupBy(e => e.Value.Kind, StringComparer.Ordinal))
            await tx.RunAsync(KindLabel(kind.Key).Bind(("ids", kind.Select(e => PropertyMaps.EntityId(e.Name)).ToList())), cancellationToken);

        foreach (var type in relationships.Inserts.GroupBy(r => r.Value.Type, StringComparer.Ordinal))
            await RunAsync(tx, RelationshipInsert(type.Key), type.Select(r => Row(
                ("name", r.Name),
                ("source_id", PropertyMaps.EntityId(r.Value.Source)),
                ("target_id", PropertyMaps.EntityId(r.Value.Target)),
                ("record", PropertyMaps.Record(r.Value, Next())),
                ("edge", PropertyMaps.Edge(r.Value, ontology)))).ToList(), cancellationToken);
        await RunFoundAsync(tx, RelationshipStatements.Replace, relationships.Replaces.Select(r => Row(
            ("id", PropertyMaps.RelationshipId(r.Name)),
            ("record", PropertyMaps.Record(r.Value, Next())),
            ("edge", PropertyMaps.Edge(r.Value, ontology)))).ToList(), cancellationToken);

        await RunAsync(tx, ServiceStatements.RecordRequests, writes.Requests.Select(r => Row(
            ("id", r.RequestId), ("method", r.Method), ("response", r.Response))).ToList(), cancellationToken);
    }

    /// <summary>Reserves one position per change and returns the first; nothing to reserve when nothing changes.</summary>
    private static async Task<long> ReserveAsync(QueryApiTransaction tx, int count, CancellationToken cancellationToken)
    {
        if (count == 0) return 0;
        var result = await tx.RunAsync(ChangeStatements.Reserve.Bind(("count", count)), cancellationToken);
        var last = result.Single(ChangeStatements.Reserve.Name).GetInt64("last")
            ?? throw new InvalidDataException("The change counter has no position; InitializeAsync creates it.");
        return last - count + 1;
    }

    private static async Task RunAsync(QueryApiTransaction tx, CypherStatement statement, List<IReadOnlyDictionary<string, object?>> rows, CancellationToken cancellationToken)
    {
        if (rows.Count > 0) await tx.RunAsync(statement.Bind(("rows", rows)), cancellationToken);
    }

    /// <summary>A replace or delete: every row's name must still be there, else the unit read a graph that is gone and is refused whole.</summary>
    private static async Task RunFoundAsync(QueryApiTransaction tx, CypherStatement statement, List<IReadOnlyDictionary<string, object?>> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var result = await tx.RunAsync(statement.Bind(("rows", rows)), cancellationToken);
        var found = result.Single(statement.Name).GetInt64("written") ?? 0;
        if (found != rows.Count)
            throw new StoreConflictException($"the graph changed under the write: {rows.Count - found} of the names {statement.Name} was given do not exist");
    }

    private static IReadOnlyDictionary<string, object?> Row(params (string Key, object? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    private CypherStatement KindLabel(string kind) => _kindLabels.GetValueOrDefault(kind)
        ?? throw new InvalidDataException($"Kind '{kind}' is not in the ontology; the core validates kinds before it writes.");

    private CypherStatement RelationshipInsert(string type) => _relationshipInserts.GetValueOrDefault(type)
        ?? throw new InvalidDataException($"Relationship type '{type}' is not in the ontology; the core validates types before it writes.");
}
