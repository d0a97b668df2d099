using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KnowledgeGraph.Application.Reads;
using KnowledgeGraph.Application.Writes;
using KnowledgeGraph.Grpc.Calls;
using KnowledgeGraph.V1;

namespace Relationships.Api.Grpc;

/// <summary>RelationshipService: maps each request to the application core and its answer back; nothing else.</summary>
public sealed class RelationshipGrpcService(ResourceWrites<Relationship> writes, ResourceReads<Relationship> reads) : RelationshipService.RelationshipServiceBase
{
    public override Task<Relationship> CreateRelationship(CreateRelationshipRequest request, ServerCallContext context) =>
        context.RespondAsync(writes.CreateAsync(new(request.RelationshipId, request.Relationship, request.RequestId, request.ValidateOnly), context.ToCall()));

    public override Task<Relationship> GetRelationship(GetRelationshipRequest request, ServerCallContext context) =>
        reads.GetAsync(request.Name, context.ToCall());

    public override async Task<BatchGetRelationshipsResponse> BatchGetRelationships(BatchGetRelationshipsRequest request, ServerCallContext context) =>
        new() { Relationships = { await reads.BatchGetAsync(request.Names, context.ToCall()) } };

    public override async Task<ListRelationshipsResponse> ListRelationships(ListRelationshipsRequest request, ServerCallContext context)
    {
        var (relationships, next) = await reads.ListAsync(request.PageSize, request.PageToken, request.Filter, context.ToCall());
        return new ListRelationshipsResponse { Relationships = { relationships }, NextPageToken = next };
    }

    public override Task<Relationship> UpdateRelationship(UpdateRelationshipRequest request, ServerCallContext context) =>
        context.RespondAsync(writes.UpdateAsync(new(request.Relationship, request.UpdateMask, request.AllowMissing, request.RequestId, request.ValidateOnly), context.ToCall()));

    public override Task<Empty> DeleteRelationship(DeleteRelationshipRequest request, ServerCallContext context) =>
        context.RespondAsync(writes.DeleteAsync(new(request.Name, request.Etag, Force: false, request.RequestId, request.ValidateOnly), context.ToCall()));

    public override Task<ImportSummary> ImportRelationships(IAsyncStreamReader<ImportRelationshipsRequest> requestStream, ServerCallContext context) =>
        context.RespondAsync(writes.ImportAsync(requestStream.ReadAllAsync(context.CancellationToken).Select(batch => (IList<Relationship>)batch.Relationships), context.ToCall()));
}
