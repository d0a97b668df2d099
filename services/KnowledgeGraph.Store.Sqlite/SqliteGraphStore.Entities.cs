using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Sqlite;

public sealed partial class SqliteGraphStore
{
    public Task<Committed<Entity>> CreateEntityAsync(Entity entity, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("CreateEntity", requestId, Codecs.Entity, async write =>
        {
            if (await EntityTable.FindAsync(write.Session, entity.Name, cancellationToken) is not null)
                throw GraphException.AlreadyExists(ResourceNames.EntityType, entity.Name);
            return await InsertEntityAsync(write, entity, cancellationToken);
        }, cancellationToken);

    public Task<Entity?> GetEntityAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync("GetEntity", s => EntityTable.FindAsync(s, name, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Entity>> GetEntitiesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Entity>>("GetEntities", async s => await EntityTable.FindManyAsync(s, names, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Entity>> ListEntitiesAsync(EntityListQuery query, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Entity>>("ListEntities", async s => await EntityTable.ListAsync(s, query, cancellationToken), cancellationToken);

    public Task<Committed<Entity>> UpdateEntityAsync(Entity entity, string? expectedEtag, bool allowMissing, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("UpdateEntity", requestId, Codecs.Entity, async write =>
        {
            var existing = await EntityTable.FindAsync(write.Session, entity.Name, cancellationToken);
            if (existing is null)
            {
                if (!allowMissing) throw GraphException.NotFound(ResourceNames.EntityType, entity.Name);
                // An etag says the caller saw a version that has since been deleted.
                if (!string.IsNullOrEmpty(expectedEtag)) throw GraphException.EtagMismatch(ResourceNames.EntityType, entity.Name);
                return await InsertEntityAsync(write, entity, cancellationToken);
            }
            if (!string.IsNullOrEmpty(expectedEtag) && expectedEtag != existing.Etag)
                throw GraphException.EtagMismatch(ResourceNames.EntityType, entity.Name);
            if (existing.Kind != entity.Kind
                && await IntegrityRules.KindChangeConflictAsync(write.Session, _validator, entity.Name, entity.Kind, cancellationToken) is { } conflict)
                throw conflict;
            return await ReplaceEntityAsync(write, existing, entity, cancellationToken);
        }, cancellationToken);

    public Task<Committed<DeleteResult>> DeleteEntityAsync(string name, string? expectedEtag, bool force, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("DeleteEntity", requestId, Codecs.Delete, async write =>
        {
            var existing = await EntityTable.FindAsync(write.Session, name, cancellationToken)
                ?? throw GraphException.NotFound(ResourceNames.EntityType, name);
            if (!string.IsNullOrEmpty(expectedEtag) && expectedEtag != existing.Etag)
                throw GraphException.EtagMismatch(ResourceNames.EntityType, name);

            var relationships = await RelationshipTable.TouchingAsync(write.Session, name, cancellationToken);
            if (relationships.Count > 0 && !force)
                throw GraphException.FailedPrecondition(ErrorReasons.HasRelationships,
                    $"{name} has {relationships.Count} relationship(s), for example {relationships[0]}; delete them first, or delete with force to remove them too.",
                    new ResourceRef(ResourceNames.EntityType, name));
            foreach (var relationship in relationships)
            {
                await write.LogChangeAsync(ChangeLog.Delete, relationship, cancellationToken);
                await RelationshipTable.DeleteAsync(write.Session, relationship, cancellationToken);
            }
            await write.LogChangeAsync(ChangeLog.Delete, name, cancellationToken);
            await EntityTable.DeleteAsync(write.Session, name, cancellationToken);
            return new DeleteResult(name, relationships.Count);
        }, cancellationToken);

    public Task<Committed<ImportSummary>> UpsertEntitiesAsync(IReadOnlyList<Entity> entities, int firstRow, CancellationToken cancellationToken) =>
        WriteAsync("UpsertEntities", null, Codecs.Import, async write =>
        {
            var summary = new ImportSummary();
            for (var i = 0; i < entities.Count; i++)
            {
                var entity = entities[i];
                var existing = await EntityTable.FindAsync(write.Session, entity.Name, cancellationToken);
                if (existing is null)
                {
                    await InsertEntityAsync(write, entity, cancellationToken);
                    summary.Created++;
                }
                else if (EntityTable.SameContent(existing, entity))
                {
                    summary.Unchanged++;
                }
                else if (existing.Kind != entity.Kind
                    && await IntegrityRules.KindChangeConflictAsync(write.Session, _validator, entity.Name, entity.Kind, cancellationToken) is { } conflict)
                {
                    summary.Reject(firstRow + i, entity.Name, conflict);
                }
                else
                {
                    await ReplaceEntityAsync(write, existing, entity, cancellationToken);
                    summary.Updated++;
                }
            }
            return summary;
        }, cancellationToken);

    private static async Task<Entity> InsertEntityAsync(WriteContext write, Entity entity, CancellationToken cancellationToken)
    {
        var seq = await write.LogChangeAsync(ChangeLog.Create, entity.Name, cancellationToken);
        var stored = entity.Stamped(ChangeLog.Etag(seq), null, write.NowTimestamp);
        await EntityTable.InsertAsync(write.Session, stored, cancellationToken);
        return stored;
    }

    private static async Task<Entity> ReplaceEntityAsync(WriteContext write, Entity existing, Entity entity, CancellationToken cancellationToken)
    {
        var seq = await write.LogChangeAsync(ChangeLog.Update, entity.Name, cancellationToken);
        var stored = entity.Stamped(ChangeLog.Etag(seq), existing, write.NowTimestamp);
        await EntityTable.UpdateAsync(write.Session, stored, cancellationToken);
        return stored;
    }
}
