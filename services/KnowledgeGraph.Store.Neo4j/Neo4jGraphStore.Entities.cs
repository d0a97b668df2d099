using Google.Protobuf;
using KnowledgeGraph.Domain.Validation;
using System.Security.Cryptography;
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
    private readonly IReadOnlyDictionary<string, CypherStatement> _entityKindLabels;

    public Task<Committed<Entity>> CreateEntityAsync(Entity entity, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("CreateEntity", requestId, ReplayCodecs.Entity, async tx =>
        {
            var existing = await LockEntitiesAsync(tx, [entity.Name], cancellationToken);
            if (existing.ContainsKey(entity.Name)) throw GraphException.AlreadyExists(ResourceNames.EntityType, entity.Name);
            var stored = Stamp(entity, null);
            await CreateEntitiesAsync(tx, [stored], cancellationToken);
            return stored;
        }, cancellationToken);

    public Task<Entity?> GetEntityAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync("GetEntity", async () => (await FindEntitiesAsync([name], cancellationToken)).FirstOrDefault());

    public Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        ReadAsync("GetEntities", () => FindEntitiesAsync(names, cancellationToken));

    public Task<IReadOnlyList<Entity>> ListEntitiesAsync(EntityListQuery query, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Entity>>("ListEntities", async () =>
        {
            var result = await QueryAsync(EntityStatements.List.Bind(
                ("kind", string.IsNullOrEmpty(query.Kind) ? null : query.Kind),
                ("after", string.IsNullOrEmpty(query.AfterName) ? null : query.AfterName),
                ("limit", Math.Max(0, query.Limit))), cancellationToken);
            return result.Rows.Select(StoredRows.Entity).ToList();
        });

    public Task<Committed<Entity>> UpdateEntityAsync(Entity entity, string? expectedEtag, bool allowMissing, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("UpdateEntity", requestId, ReplayCodecs.Entity, async tx =>
        {
            var existing = (await LockEntitiesAsync(tx, [entity.Name], cancellationToken)).GetValueOrDefault(entity.Name);
            if (existing is null)
            {
                if (!allowMissing) throw GraphException.NotFound(ResourceNames.EntityType, entity.Name);
                // An etag says the caller saw a version that has since been deleted.
                if (!string.IsNullOrEmpty(expectedEtag)) throw GraphException.EtagMismatch(ResourceNames.EntityType, entity.Name);
                var created = Stamp(entity, null);
                await CreateEntitiesAsync(tx, [created], cancellationToken);
                return created;
            }
            if (!string.IsNullOrEmpty(expectedEtag) && expectedEtag != existing.Etag)
                throw GraphException.EtagMismatch(ResourceNames.EntityType, entity.Name);
            if (existing.Kind != entity.Kind && await KindChangeConflictAsync(tx, entity.Name, entity.Kind, cancellationToken) is { } conflict)
                throw conflict;
            var stored = Stamp(entity, existing);
            var replaced = await ReplaceEntitiesAsync(tx, [(stored, existing.Etag)], cancellationToken);
            if (replaced.Count != 1) throw GraphException.EtagMismatch(ResourceNames.EntityType, entity.Name);
            return stored;
        }, cancellationToken);

    public Task<Committed<DeleteResult>> DeleteEntityAsync(string name, string? expectedEtag, bool force, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("DeleteEntity", requestId, ReplayCodecs.Delete, async tx =>
        {
            var existing = (await LockEntitiesAsync(tx, [name], cancellationToken)).GetValueOrDefault(name)
                ?? throw GraphException.NotFound(ResourceNames.EntityType, name);
            if (!string.IsNullOrEmpty(expectedEtag) && expectedEtag != existing.Etag)
                throw GraphException.EtagMismatch(ResourceNames.EntityType, name);
            var incidents = await IncidentsAsync(tx, name, cancellationToken);
            if (incidents.Count > 0 && !force)
                throw GraphException.FailedPrecondition(ErrorReasons.HasRelationships,
                    $"{name} has {incidents.Count} relationship(s), for example {incidents[0].Name}; delete them first, or delete with force to remove them too.",
                    new ResourceRef(ResourceNames.EntityType, name));
            var result = await tx.RunAsync(EntityStatements.Delete.Bind(("id", PropertyMaps.EntityId(name)), ("expected_etag", existing.Etag)), cancellationToken);
            if (result.Rows.Count != 1) throw GraphException.EtagMismatch(ResourceNames.EntityType, name);
            return new DeleteResult(name, (int)(result.Rows[0].GetInt64("deleted_relationships") ?? 0));
        }, cancellationToken);

    public Task<Committed<ImportSummary>> UpsertEntitiesAsync(IReadOnlyList<Entity> entities, int firstRow, CancellationToken cancellationToken) =>
        WriteAsync("UpsertEntities", null, new ReplayCodec<ImportSummary>(Blobs.Format, Blobs.Parse<ImportSummary>), async tx =>
        {
            var summary = new ImportSummary();
            var current = new Dictionary<string, Entity>(await LockEntitiesAsync(tx, entities.Select(e => e.Name).Distinct().ToList(), cancellationToken), StringComparer.Ordinal);
            var creates = new Dictionary<string, Entity>(StringComparer.Ordinal);
            var replaces = new Dictionary<string, (Entity Stored, string ExpectedEtag)>(StringComparer.Ordinal);
            for (var i = 0; i < entities.Count; i++)
            {
                var entity = entities[i];
                var existing = current.GetValueOrDefault(entity.Name);
                if (existing is null)
                {
                    creates[entity.Name] = current[entity.Name] = Stamp(entity, null);
                    summary.Created++;
                }
                else if (Blobs.Of(existing) == Blobs.Of(entity))
                {
                    summary.Unchanged++;
                }
                else if (existing.Kind != entity.Kind && await KindChangeConflictAsync(tx, entity.Name, entity.Kind, cancellationToken) is { } conflict)
                {
                    summary.Reject(firstRow + i, entity.Name, conflict);
                }
                else
                {
                    var stored = Stamp(entity, existing);
                    if (creates.ContainsKey(entity.Name)) creates[entity.Name] = stored;
                    else replaces[entity.Name] = (stored, replaces.TryGetValue(entity.Name, out var earlier) ? earlier.ExpectedEtag : existing.Etag);
                    summary.Updated++;
                    current[entity.Name] = stored;
                }
            }
            await CreateEntitiesAsync(tx, [.. creates.Values], cancellationToken);
            var replaced = await ReplaceEntitiesAsync(tx, [.. replaces.Values], cancellationToken);
            if (replaced.Count != replaces.Count)
                throw Neo4jErrors.Unavailable("An import row changed while the import held its lock; retry the import.");
            return summary;
        }, cancellationToken);

    private async Task<IReadOnlyList<Entity>> FindEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0) return [];
        var result = await QueryAsync(EntityStatements.Get.Bind(("ids", names.Select(PropertyMaps.EntityId).Distinct().ToList())), cancellationToken);
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        return result.Rows.Select(StoredRows.Entity).Where(e => wanted.Contains(e.Name)).ToList();
    }

    /// <summary>Locks the entities that exist among <paramref name="names"/> until the transaction ends and returns them by name.</summary>
    private static async Task<IReadOnlyDictionary<string, Entity>> LockEntitiesAsync(QueryApiTransaction tx, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var result = await tx.RunAsync(EntityStatements.Lock.Bind(("ids", names.Select(PropertyMaps.EntityId).ToList())), cancellationToken);
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        return result.Rows.Select(StoredRows.Entity).Where(e => wanted.Contains(e.Name)).ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    private async Task CreateEntitiesAsync(QueryApiTransaction tx, IReadOnlyList<Entity> stored, CancellationToken cancellationToken)
    {
        if (stored.Count == 0) return;
        var rows = stored.Select(e => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["props"] = PropertyMaps.Entity(e) }).ToList();
        try
        {
            await tx.RunAsync(EntityStatements.Create.Bind(("rows", rows)), cancellationToken);
        }
        catch (Neo4jServerException e) when (Neo4jErrors.IsConstraintViolation(e, GraphModel.EntityLabel))
        {
            // Another writer created one of them after the lock read found nothing.
            throw GraphException.AlreadyExists(ResourceNames.EntityType, stored[0].Name);
        }
        await ApplyKindLabelsAsync(tx, stored, cancellationToken);
    }

    /// <summary>Replaces entities whose stored etag is still the expected one; returns the ids written.</summary>
    private async Task<IReadOnlyList<string>> ReplaceEntitiesAsync(QueryApiTransaction tx, IReadOnlyList<(Entity Stored, string ExpectedEtag)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        var parameters = rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["id"] = PropertyMaps.EntityId(r.Stored.Name),
            ["expected_etag"] = r.ExpectedEtag,
            ["props"] = PropertyMaps.Entity(r.Stored),
        }).ToList();
        var result = await tx.RunAsync(EntityStatements.Replace.Bind(("rows", parameters)), cancellationToken);
        await ApplyKindLabelsAsync(tx, [.. rows.Select(r => r.Stored)], cancellationToken);
        return result.Rows.Select(r => r.Get<string>("id")).ToList();
    }

    /// <summary>Gives each entity its kind's label (and only that kind's), one statement per kind present.</summary>
    private async Task ApplyKindLabelsAsync(QueryApiTransaction tx, IReadOnlyList<Entity> entities, CancellationToken cancellationToken)
    {
        foreach (var group in entities.GroupBy(e => e.Kind, StringComparer.Ordinal))
        {
            var statement = _entityKindLabels.GetValueOrDefault(group.Key)
                ?? throw GraphException.InvalidArgument(ErrorReasons.UnknownKind, "entity.kind", $"unknown kind '{group.Key}'");
            await tx.RunAsync(statement.Bind(("ids", group.Select(e => PropertyMaps.EntityId(e.Name)).ToList())), cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<IncidentRelationship>> IncidentsAsync(QueryApiTransaction tx, string entityName, CancellationToken cancellationToken)
    {
        var result = await tx.RunAsync(EntityStatements.Incidents.Bind(("id", PropertyMaps.EntityId(entityName))), cancellationToken);
        return result.Rows.Select(r => new IncidentRelationship(r.Get<string>("name"), r.Get<string>("type"), r.Get<string>("source"), r.Get<string>("target"), r.GetString("source_kind") ?? "", r.GetString("target_kind") ?? "")).ToList();
    }

    /// <summary>INVALID_ARGUMENT when <paramref name="entityName"/> becoming <paramref name="newKind"/> would break one of its relationships.</summary>
    private async Task<GraphException?> KindChangeConflictAsync(QueryApiTransaction tx, string entityName, string newKind, CancellationToken cancellationToken) =>
        StoredGraphRules.KindChangeConflict(_validator.Ontology, entityName, newKind, await IncidentsAsync(tx, entityName, cancellationToken));

    /// <summary>The resource as stored: a new etag, the create time kept from <paramref name="existing"/>, update time now.</summary>
    private T Stamp<T>(T resource, T? existing) where T : class, IMessage<T> =>
        resource.Stamped(NewEtag(), existing, Timestamp.FromDateTimeOffset(_time.GetUtcNow()));

    private static string NewEtag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
