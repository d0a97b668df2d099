using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Sqlite;

public sealed partial class SqliteGraphStore
{
    public Task<Committed<Relationship>> CreateRelationshipAsync(Relationship relationship, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("CreateRelationship", requestId, Codecs.Relationship, async write =>
        {
            if (await RelationshipTable.FindAsync(write.Session, relationship.Name, cancellationToken) is not null)
                throw GraphException.AlreadyExists(ResourceNames.RelationshipType, relationship.Name);
            await IntegrityRules.CheckEndpointsAsync(write.Session, _validator, relationship, cancellationToken);
            return await InsertRelationshipAsync(write, relationship, cancellationToken);
        }, cancellationToken);

    public Task<Relationship?> GetRelationshipAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync("GetRelationship", s => RelationshipTable.FindAsync(s, name, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Relationship>>("GetRelationships", async s => await RelationshipTable.FindManyAsync(s, names, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Relationship>> ListRelationshipsAsync(RelationshipListQuery query, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Relationship>>("ListRelationships", async s => await RelationshipTable.ListAsync(s, query, cancellationToken), cancellationToken);

    public Task<Committed<Relationship>> UpdateRelationshipAsync(Relationship relationship, string? expectedEtag, bool allowMissing, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("UpdateRelationship", requestId, Codecs.Relationship, async write =>
        {
            var existing = await RelationshipTable.FindAsync(write.Session, relationship.Name, cancellationToken);
            if (existing is null)
            {
                if (!allowMissing) throw GraphException.NotFound(ResourceNames.RelationshipType, relationship.Name);
                if (!string.IsNullOrEmpty(expectedEtag)) throw GraphException.EtagMismatch(ResourceNames.RelationshipType, relationship.Name);
                await IntegrityRules.CheckEndpointsAsync(write.Session, _validator, relationship, cancellationToken);
                return await InsertRelationshipAsync(write, relationship, cancellationToken);
            }
            if (!string.IsNullOrEmpty(expectedEtag) && expectedEtag != existing.Etag)
                throw GraphException.EtagMismatch(ResourceNames.RelationshipType, relationship.Name);
            if (StoredGraphRules.ImmutableChange(existing, relationship) is { } immutable) throw immutable;
            return await ReplaceRelationshipAsync(write, existing, relationship, cancellationToken);
        }, cancellationToken);

    public Task<Committed<DeleteResult>> DeleteRelationshipAsync(string name, string? expectedEtag, string? requestId, CancellationToken cancellationToken) =>
        WriteAsync("DeleteRelationship", requestId, Codecs.Delete, async write =>
        {
            var existing = await RelationshipTable.FindAsync(write.Session, name, cancellationToken)
                ?? throw GraphException.NotFound(ResourceNames.RelationshipType, name);
            if (!string.IsNullOrEmpty(expectedEtag) && expectedEtag != existing.Etag)
                throw GraphException.EtagMismatch(ResourceNames.RelationshipType, name);
            await write.LogChangeAsync(ChangeLog.Delete, name, cancellationToken);
            await RelationshipTable.DeleteAsync(write.Session, name, cancellationToken);
            return new DeleteResult(name, 0);
        }, cancellationToken);

    public Task<Committed<ImportSummary>> UpsertRelationshipsAsync(IReadOnlyList<Relationship> relationships, int firstRow, CancellationToken cancellationToken) =>
        WriteAsync("UpsertRelationships", null, Codecs.Import, async write =>
        {
            var summary = new ImportSummary();
            for (var i = 0; i < relationships.Count; i++)
            {
                var relationship = relationships[i];
                var existing = await RelationshipTable.FindAsync(write.Session, relationship.Name, cancellationToken);
                if (existing is not null)
                {
                    if (StoredGraphRules.ImmutableChange(existing, relationship) is { } immutable)
                        summary.Reject(firstRow + i, relationship.Name, immutable);
                    else if (RelationshipTable.SameContent(existing, relationship))
                        summary.Unchanged++;
                    else
                    {
                        await ReplaceRelationshipAsync(write, existing, relationship, cancellationToken);
                        summary.Updated++;
                    }
                    continue;
                }
                try
                {
                    await IntegrityRules.CheckEndpointsAsync(write.Session, _validator, relationship, cancellationToken);
                }
                catch (GraphException rejected)
                {
                    summary.Reject(firstRow + i, relationship.Name, rejected);
                    continue;
                }
                await InsertRelationshipAsync(write, relationship, cancellationToken);
                summary.Created++;
            }
            return summary;
        }, cancellationToken);

    private static async Task<Relationship> InsertRelationshipAsync(WriteContext write, Relationship relationship, CancellationToken cancellationToken)
    {
        var seq = await write.LogChangeAsync(ChangeLog.Create, relationship.Name, cancellationToken);
        var stored = relationship.Stamped(ChangeLog.Etag(seq), null, write.NowTimestamp);
        await RelationshipTable.InsertAsync(write.Session, stored, cancellationToken);
        return stored;
    }

    private static async Task<Relationship> ReplaceRelationshipAsync(WriteContext write, Relationship existing, Relationship relationship, CancellationToken cancellationToken)
    {
        var seq = await write.LogChangeAsync(ChangeLog.Update, relationship.Name, cancellationToken);
        var stored = relationship.Stamped(ChangeLog.Etag(seq), existing, write.NowTimestamp);
        await RelationshipTable.UpdateAsync(write.Session, stored, cancellationToken);
        return stored;
    }
}
