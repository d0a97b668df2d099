using KnowledgeGraph.Domain.Validation;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.Store.Neo4j.Mapping;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private readonly IReadOnlyDictionary<string, CypherStatement> _relationshipCreates;

    public Task<Committed<Relationship>> CreateRelationshipAsync(Relationship relationship, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("CreateRelationship", requestId, ReplayCodecs.Relationship, async tx =>
        {
            if ((await LockRelationshipsAsync(tx, [relationship.Name], cancellationToken)).ContainsKey(relationship.Name))
                throw GraphException.AlreadyExists(ResourceNames.RelationshipType, relationship.Name);
            await CheckEndpointsAsync(tx, relationship, cancellationToken);
            var stored = Stamp(relationship, null);
            await CreateRelationshipsAsync(tx, [stored], cancellationToken);
            return stored;
        }, cancellationToken);

    public Task<Relationship?> GetRelationshipAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync("GetRelationship", async () => (await FindRelationshipsAsync([name], cancellationToken)).FirstOrDefault());

    public Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        ReadAsync("GetRelationships", () => FindRelationshipsAsync(names, cancellationToken));

    public Task<IReadOnlyList<Relationship>> ListRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Relationship>>("ListRelationships", async () =>
        {
            var direction = query.Direction;
            var result = await QueryAsync(RelationshipStatements.List.Bind(
                ("type", NullIfEmpty(query.Type)),
                ("source", NullIfEmpty(query.Source)),
                ("target", NullIfEmpty(query.Target)),
                ("entity", NullIfEmpty(query.Entity)),
                ("outgoing", direction is not Direction.Incoming),
                ("incoming", direction is not Direction.Outgoing),
                ("after", NullIfEmpty(query.AfterName)),
                ("limit", Math.Max(0, query.Limit))), cancellationToken);
            return result.Rows.Select(StoredRows.Relationship).ToList();
        });

    public Task<Committed<Relationship>> UpdateRelationshipAsync(Relationship relationship, string? expectedEtag, bool allowMissing, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("UpdateRelationship", requestId, ReplayCodecs.Relationship, async tx =>
        {
            var existing = (await LockRelationshipsAsync(tx, [relationship.Name], cancellationToken)).GetValueOrDefault(relationship.Name);
            if (existing is null)
            {
                if (!allowMissing) throw GraphException.NotFound(ResourceNames.RelationshipType, relationship.Name);
                if (!string.IsNullOrEmpty(expectedEtag)) throw GraphException.EtagMismatch(ResourceNames.RelationshipType, relationship.Name);
                await CheckEndpointsAsync(tx, relationship, cancellationToken);
                var created = Stamp(relationship, null);
                await CreateRelationshipsAsync(tx, [created], cancellationToken);
                return created;
            }
            if (!string.IsNullOrEmpty(expectedEtag) && expectedEtag != existing.Etag)
                throw GraphException.EtagMismatch(ResourceNames.RelationshipType, relationship.Name);
            if (StoredGraphRules.ImmutableChange(existing, relationship) is { } immutable) throw immutable;
            var stored = Stamp(relationship, existing);
            if (await ReplaceRelationshipsAsync(tx, [(stored, existing.Etag)], cancellationToken) != 1)
                throw GraphException.EtagMismatch(ResourceNames.RelationshipType, relationship.Name);
            return stored;
        }, cancellationToken);

    public Task<Committed<DeleteResult>> DeleteRelationshipAsync(string name, string? expectedEtag, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("DeleteRelationship", requestId, ReplayCodecs.Delete, async tx =>
        {
            var existing = (await LockRelationshipsAsync(tx, [name], cancellationToken)).GetValueOrDefault(name)
                ?? throw GraphException.NotFound(ResourceNames.RelationshipType, name);
            if (!string.IsNullOrEmpty(expectedEtag) && expectedEtag != existing.Etag)
                throw GraphException.EtagMismatch(ResourceNames.RelationshipType, name);
            var result = await tx.RunAsync(RelationshipStatements.Delete.Bind(("id", PropertyMaps.RelationshipId(name)), ("expected_etag", existing.Etag)), cancellationToken);
            if (result.Rows.Count != 1 || result.Rows[0].GetInt64("deleted") is not > 0)
                throw GraphException.EtagMismatch(ResourceNames.RelationshipType, name);
            return new DeleteResult(name, 0);
        }, cancellationToken);

    public Task<Committed<ImportSummary>> UpsertRelationshipsAsync(IReadOnlyList<Relationship> relationships, int firstRow, CancellationToken cancellationToken) =>
        WriteAsync("UpsertRelationships", null, new ReplayCodec<ImportSummary>(Blobs.Format, Blobs.Parse<ImportSummary>), async tx =>
        {
            var summary = new ImportSummary();
            var current = new Dictionary<string, Relationship>(await LockRelationshipsAsync(tx, relationships.Select(r => r.Name).Distinct().ToList(), cancellationToken), StringComparer.Ordinal);
            var kinds = await EndpointKindsAsync(tx, relationships.Where(r => !current.ContainsKey(r.Name)).SelectMany(r => new[] { r.Source, r.Target }), cancellationToken);
            var creates = new Dictionary<string, Relationship>(StringComparer.Ordinal);
            var replaces = new Dictionary<string, (Relationship Stored, string ExpectedEtag)>(StringComparer.Ordinal);
            for (var i = 0; i < relationships.Count; i++)
            {
                var relationship = relationships[i];
                var existing = current.GetValueOrDefault(relationship.Name);
                if (existing is not null)
                {
                    if (StoredGraphRules.ImmutableChange(existing, relationship) is { } immutable)
                        summary.Reject(firstRow + i, relationship.Name, immutable);
                    else if (Blobs.Of(existing) == Blobs.Of(relationship))
                        summary.Unchanged++;
                    else
                    {
                        var stored = Stamp(relationship, existing);
                        if (creates.ContainsKey(relationship.Name)) creates[relationship.Name] = stored;
                        else replaces[relationship.Name] = (stored, replaces.TryGetValue(relationship.Name, out var earlier) ? earlier.ExpectedEtag : existing.Etag);
                        current[relationship.Name] = stored;
                        summary.Updated++;
                    }
                    continue;
                }
                try
                {
                    CheckEndpoints(relationship, kinds);
                }
                catch (GraphException rejected)
                {
                    summary.Reject(firstRow + i, relationship.Name, rejected);
                    continue;
                }
                creates[relationship.Name] = current[relationship.Name] = Stamp(relationship, null);
                summary.Created++;
            }
            await CreateRelationshipsAsync(tx, [.. creates.Values], cancellationToken);
            if (await ReplaceRelationshipsAsync(tx, [.. replaces.Values], cancellationToken) != replaces.Count)
                throw Neo4jErrors.Unavailable("An import row changed while the import held its lock; retry the import.");
            return summary;
        }, cancellationToken);

    private async Task<IReadOnlyList<Relationship>> FindRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0) return [];
        var result = await QueryAsync(RelationshipStatements.Get.Bind(("ids", names.Select(PropertyMaps.RelationshipId).Distinct().ToList())), cancellationToken);
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        return result.Rows.Select(StoredRows.Relationship).Where(r => wanted.Contains(r.Name)).ToList();
    }

    private static async Task<IReadOnlyDictionary<string, Relationship>> LockRelationshipsAsync(QueryApiTransaction tx, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var result = await tx.RunAsync(RelationshipStatements.Lock.Bind(("ids", names.Select(PropertyMaps.RelationshipId).ToList())), cancellationToken);
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        return result.Rows.Select(StoredRows.Relationship).Where(r => wanted.Contains(r.Name)).ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>Kinds of the entities that exist among <paramref name="names"/>, by entity name.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> EndpointKindsAsync(QueryApiTransaction tx, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var ids = names.Select(PropertyMaps.EntityId).Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<string, string>();
        var result = await tx.RunAsync(RelationshipStatements.EndpointKinds.Bind(("ids", ids)), cancellationToken);
        return result.Rows.ToDictionary(r => ResourceNames.Entity(r.Get<string>("id")), r => r.Get<string>("kind"), StringComparer.Ordinal);
    }

    private async Task CheckEndpointsAsync(QueryApiTransaction tx, Relationship relationship, CancellationToken cancellationToken) =>
        CheckEndpoints(relationship, await EndpointKindsAsync(tx, [relationship.Source, relationship.Target], cancellationToken));

    /// <summary>Both endpoints exist (FAILED_PRECONDITION otherwise) and have kinds the type allows (INVALID_ARGUMENT otherwise).</summary>
    private void CheckEndpoints(Relationship relationship, IReadOnlyDictionary<string, string> kinds)
    {
        foreach (var (field, name) in new[] { ("source", relationship.Source), ("target", relationship.Target) })
            if (!kinds.ContainsKey(name))
                throw GraphException.FailedPrecondition(ErrorReasons.EndpointNotFound,
                    $"relationship.{field}: entity '{name}' does not exist; create it before relating it.",
                    new ResourceRef(ResourceNames.EntityType, name));
        _validator.CheckEndpointKinds(relationship, kinds[relationship.Source], kinds[relationship.Target]);
    }

    private async Task CreateRelationshipsAsync(QueryApiTransaction tx, IReadOnlyList<Relationship> stored, CancellationToken cancellationToken)
    {
        foreach (var group in stored.GroupBy(r => r.Type, StringComparer.Ordinal))
        {
            // The type comes from the ontology's allow-list, never from the request text.
            var statement = _relationshipCreates.GetValueOrDefault(group.Key)
                ?? throw GraphException.InvalidArgument(ErrorReasons.UnknownRelationshipType, "relationship.type", $"unknown relationship type '{group.Key}'");
            var rows = group.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["source_id"] = PropertyMaps.EntityId(r.Source),
                ["target_id"] = PropertyMaps.EntityId(r.Target),
                ["record"] = PropertyMaps.Record(r),
                ["edge"] = PropertyMaps.Edge(r, _validator.Ontology),
            }).ToList();
            QueryResult result;
            try
            {
                result = await tx.RunAsync(statement.Bind(("rows", rows)), cancellationToken);
            }
            catch (Neo4jServerException e) when (Neo4jErrors.IsConstraintViolation(e, GraphModel.RelationshipRecordLabel))
            {
                throw GraphException.AlreadyExists(ResourceNames.RelationshipType, group.First().Name);
            }
            if (result.Rows.Count != rows.Count)
            {
                // An endpoint was deleted after the check: report it as the check would have.
                var written = result.Rows.Select(r => r.Get<string>("id")).ToHashSet(StringComparer.Ordinal);
                var missing = group.First(r => !written.Contains(PropertyMaps.RelationshipId(r.Name)));
                await CheckEndpointsAsync(tx, missing, cancellationToken);
                throw Neo4jErrors.Unavailable($"{missing.Name} could not be written; retry.");
            }
        }
    }

    /// <summary>Replaces relationships whose stored etag is still the expected one; returns how many were written.</summary>
    private async Task<int> ReplaceRelationshipsAsync(QueryApiTransaction tx, IReadOnlyList<(Relationship Stored, string ExpectedEtag)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return 0;
        var parameters = rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["id"] = PropertyMaps.RelationshipId(r.Stored.Name),
            ["expected_etag"] = r.ExpectedEtag,
            ["record"] = PropertyMaps.Record(r.Stored),
            ["edge"] = PropertyMaps.Edge(r.Stored, _validator.Ontology),
        }).ToList();
        var result = await tx.RunAsync(RelationshipStatements.Replace.Bind(("rows", parameters)), cancellationToken);
        return result.Rows.Count;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
