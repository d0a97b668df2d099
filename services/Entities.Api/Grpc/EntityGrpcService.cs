using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Paging;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Grpc.Consistency;
using KnowledgeGraph.Grpc.Requests;
using KnowledgeGraph.Grpc.Updates;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;

namespace Entities.Api.Grpc;

/// <summary>EntityService: the standard methods and bulk import for the graph's nodes.</summary>
public sealed class EntityGrpcService(IGraphStore store, GraphValidator validator) : EntityService.EntityServiceBase
{
    private static readonly string[] FilterFields = ["kind"];
    private static readonly FieldMaskMerger<Entity> Merger = new(
        ["kind", "display_name", "aliases", "properties", "external_ids", "sources", "description"], "entity");

    public override async Task<Entity> CreateEntity(CreateEntityRequest request, ServerCallContext context)
    {
        var id = RequestChecks.Id(request.EntityId, "entity_id");
        var entity = RequestChecks.Present(request.Entity, "entity").WithoutServerFields();
        entity.Name = ResourceNames.Entity(id);
        GraphValidator.ThrowIfAny(validator.Validate(entity));
        var requestId = RequestChecks.RequestId(request.RequestId);

        if (request.ValidateOnly)
        {
            if (await store.GetEntityAsync(entity.Name, context.CancellationToken) is not null)
                throw GraphException.AlreadyExists(ResourceNames.EntityType, entity.Name);
            return entity;
        }
        var committed = await store.CreateEntityAsync(entity, requestId, context.CancellationToken);
        await ConsistencyToken.SendAsync(context, committed.ConsistencyToken);
        return committed.Value;
    }

    public override async Task<Entity> GetEntity(GetEntityRequest request, ServerCallContext context)
    {
        var name = RequestChecks.EntityName(request.Name);
        return await store.GetEntityAsync(name, context.CancellationToken)
            ?? throw GraphException.NotFound(ResourceNames.EntityType, name);
    }

    public override async Task<BatchGetEntitiesResponse> BatchGetEntities(BatchGetEntitiesRequest request, ServerCallContext context)
    {
        var found = await BatchGet.InRequestOrderAsync(request.Names, RequestChecks.EntityName, store.GetEntitiesAsync, r => r.Name, ResourceNames.EntityType, context.CancellationToken);
        return new BatchGetEntitiesResponse { Entities = { found } };
    }

    public override async Task<ListEntitiesResponse> ListEntities(ListEntitiesRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize);
        var terms = ListFilter.Parse(request.Filter, FilterFields);
        var kind = terms.GetValueOrDefault("kind");
        if (kind is not null && validator.Ontology.FindKind(kind) is null)
            throw GraphException.InvalidArgument(ErrorReasons.UnknownKind, "filter", $"unknown kind '{kind}'; known kinds: {string.Join(", ", validator.Ontology.KindNames)}");
        var after = PageToken.Decode(request.PageToken, request.Filter);

        var fetched = await store.ListEntitiesAsync(new EntityListQuery(kind, after, pageSize + 1), context.CancellationToken);
        var (items, next) = Listing.Page(fetched, pageSize, request.Filter, e => e.Name);
        var response = new ListEntitiesResponse { NextPageToken = next };
        response.Entities.AddRange(items);
        return response;
    }

    public override async Task<Entity> UpdateEntity(UpdateEntityRequest request, ServerCallContext context)
    {
        var patch = RequestChecks.Present(request.Entity, "entity");
        var name = RequestChecks.EntityName(patch.Name, "entity.name");
        var requestId = RequestChecks.RequestId(request.RequestId);
        var stored = await store.GetEntityAsync(name, context.CancellationToken);
        if (stored is null && !request.AllowMissing) throw GraphException.NotFound(ResourceNames.EntityType, name);

        var updated = stored is null ? patch.WithoutServerFields() : Merger.Apply(stored, patch.WithoutServerFields(), request.UpdateMask);
        updated.Name = name;
        GraphValidator.ThrowIfAny(validator.Validate(updated));
        var expectedEtag = RequestChecks.Etag(patch.Etag) ?? stored?.Etag;
        if (stored is not null && patch.Etag.Length > 0 && patch.Etag != stored.Etag)
            throw GraphException.EtagMismatch(ResourceNames.EntityType, name);
        if (request.ValidateOnly) return updated;

        var committed = await store.UpdateEntityAsync(updated, expectedEtag, request.AllowMissing, requestId, context.CancellationToken);
        await ConsistencyToken.SendAsync(context, committed.ConsistencyToken);
        return committed.Value;
    }

    public override async Task<Empty> DeleteEntity(DeleteEntityRequest request, ServerCallContext context)
    {
        var name = RequestChecks.EntityName(request.Name);
        var requestId = RequestChecks.RequestId(request.RequestId);
        if (request.ValidateOnly)
        {
            var stored = await store.GetEntityAsync(name, context.CancellationToken) ?? throw GraphException.NotFound(ResourceNames.EntityType, name);
            if (request.Etag.Length > 0 && request.Etag != stored.Etag) throw GraphException.EtagMismatch(ResourceNames.EntityType, name);
            if (!request.Force && (await store.ListRelationshipsAsync(new RelationshipListQuery(null, null, null, name, Direction.Both, null, 1), context.CancellationToken)).Count > 0)
                throw GraphException.FailedPrecondition(ErrorReasons.HasRelationships, $"{name} still has relationships; delete them first or set force.", new ResourceRef(ResourceNames.EntityType, name));
            return new Empty();
        }
        var committed = await store.DeleteEntityAsync(name, RequestChecks.Etag(request.Etag), request.Force, requestId, context.CancellationToken);
        await ConsistencyToken.SendAsync(context, committed.ConsistencyToken);
        return new Empty();
    }

    public override Task<ImportSummary> ImportEntities(IAsyncStreamReader<ImportEntitiesRequest> requestStream, ServerCallContext context) =>
        new BulkImport<Entity>(
                row => validator.Validate(row, "entities[]"),
                row => row.Name,
                (rows, ct) => store.UpsertEntitiesAsync(rows.Select(r => r.WithoutServerFields()).ToList(), 0, ct))
            .RunAsync(requestStream, batch => batch.Entities, "entities", context);
}
