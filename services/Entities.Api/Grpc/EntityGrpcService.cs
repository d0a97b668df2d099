using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KnowledgeGraph.Application.Reads;
using KnowledgeGraph.Application.Writes;
using KnowledgeGraph.Grpc.Calls;
using KnowledgeGraph.V1;

namespace Entities.Api.Grpc;

/// <summary>EntityService: maps each request to the application core and its answer back; nothing else.</summary>
public sealed class EntityGrpcService(ResourceWrites<Entity> writes, ResourceReads<Entity> reads) : EntityService.EntityServiceBase
{
    public override Task<Entity> CreateEntity(CreateEntityRequest request, ServerCallContext context) =>
        context.RespondAsync(writes.CreateAsync(new(request.EntityId, request.Entity, request.RequestId, request.ValidateOnly), context.ToCall()));

    public override Task<Entity> GetEntity(GetEntityRequest request, ServerCallContext context) =>
        reads.GetAsync(request.Name, context.ToCall());

    public override async Task<BatchGetEntitiesResponse> BatchGetEntities(BatchGetEntitiesRequest request, ServerCallContext context) =>
        new() { Entities = { await reads.BatchGetAsync(request.Names, context.ToCall()) } };

    public override async Task<ListEntitiesResponse> ListEntities(ListEntitiesRequest request, ServerCallContext context)
    {
        var (entities, next) = await reads.ListAsync(request.PageSize, request.PageToken, request.Filter, context.ToCall());
        return new ListEntitiesResponse { Entities = { entities }, NextPageToken = next };
    }

    public override Task<Entity> UpdateEntity(UpdateEntityRequest request, ServerCallContext context) =>
        context.RespondAsync(writes.UpdateAsync(new(request.Entity, request.UpdateMask, request.AllowMissing, request.RequestId, request.ValidateOnly), context.ToCall()));

    public override Task<Empty> DeleteEntity(DeleteEntityRequest request, ServerCallContext context) =>
        context.RespondAsync(writes.DeleteAsync(new(request.Name, request.Etag, request.Force, request.RequestId, request.ValidateOnly), context.ToCall()));

    public override Task<ImportSummary> ImportEntities(IAsyncStreamReader<ImportEntitiesRequest> requestStream, ServerCallContext context) =>
        context.RespondAsync(writes.ImportAsync(requestStream.ReadAllAsync(context.CancellationToken).Select(batch => (IList<Entity>)batch.Entities), context.ToCall()));
}
