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

namespace Relationships.Api.Grpc;

/// <summary>RelationshipService: the standard methods and bulk import for the graph's edges.</summary>
public sealed class RelationshipGrpcService(IGraphStore store, GraphValidator validator) : RelationshipService.RelationshipServiceBase
{
    private static readonly FieldMaskMerger<Relationship> Merger = new(
        ["properties", "valid_from", "valid_to", "sources"], "relationship");

    public override async Task<Relationship> CreateRelationship(CreateRelationshipRequest request, ServerCallContext context)
    {
        var id = RequestChecks.Id(request.RelationshipId, "relationship_id");
        var relationship = RequestChecks.Present(request.Relationship, "relationship").WithoutServerFields();
        relationship.Name = ResourceNames.Relationship(id);
        GraphValidator.ThrowIfAny(validator.Validate(relationship));
        var requestId = RequestChecks.RequestId(request.RequestId);

        if (request.ValidateOnly)
        {
            if (await store.GetRelationshipAsync(relationship.Name, context.CancellationToken) is not null)
                throw GraphException.AlreadyExists(ResourceNames.RelationshipType, relationship.Name);
            await CheckEndpointsAsync(relationship, context.CancellationToken);
            return relationship;
        }
        var committed = await store.CreateRelationshipAsync(relationship, requestId, context.CancellationToken);
        await ConsistencyToken.SendAsync(context, committed.ConsistencyToken);
        return committed.Value;
    }

    public override async Task<Relationship> GetRelationship(GetRelationshipRequest request, ServerCallContext context)
    {
        var name = RequestChecks.RelationshipName(request.Name);
        return await store.GetRelationshipAsync(name, context.CancellationToken)
            ?? throw GraphException.NotFound(ResourceNames.RelationshipType, name);
    }

    public override async Task<BatchGetRelationshipsResponse> BatchGetRelationships(BatchGetRelationshipsRequest request, ServerCallContext context)
    {
        var found = await BatchGet.InRequestOrderAsync(request.Names, RequestChecks.RelationshipName, store.GetRelationshipsAsync, r => r.Name, ResourceNames.RelationshipType, context.CancellationToken);
        return new BatchGetRelationshipsResponse { Relationships = { found } };
    }

    public override async Task<ListRelationshipsResponse> ListRelationships(ListRelationshipsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize);
        var after = PageToken.Decode(request.PageToken, request.Filter);
        var query = RelationshipFilter.Parse(request.Filter, validator.Ontology, after, pageSize + 1);

        var fetched = await store.ListRelationshipsAsync(query, context.CancellationToken);
        var (items, next) = Listing.Page(fetched, pageSize, request.Filter, r => r.Name);
        var response = new ListRelationshipsResponse { NextPageToken = next };
        response.Relationships.AddRange(items);
        return response;
    }

    public override async Task<Relationship> UpdateRelationship(UpdateRelationshipRequest request, ServerCallContext context)
    {
        var patch = RequestChecks.Present(request.Relationship, "relationship");
        var name = RequestChecks.RelationshipName(patch.Name, "relationship.name");
        var requestId = RequestChecks.RequestId(request.RequestId);
        var stored = await store.GetRelationshipAsync(name, context.CancellationToken);
        if (stored is null && !request.AllowMissing) throw GraphException.NotFound(ResourceNames.RelationshipType, name);

        Relationship updated;
        if (stored is null) updated = patch.WithoutServerFields();
        else
        {
            CheckImmutable(patch.Type, stored.Type, "relationship.type");
            CheckImmutable(patch.Source, stored.Source, "relationship.source");
            CheckImmutable(patch.Target, stored.Target, "relationship.target");
            updated = Merger.Apply(stored, patch.WithoutServerFields(), request.UpdateMask);
        }
        updated.Name = name;
        GraphValidator.ThrowIfAny(validator.Validate(updated));
        if (stored is not null && patch.Etag.Length > 0 && patch.Etag != stored.Etag)
            throw GraphException.EtagMismatch(ResourceNames.RelationshipType, name);
        if (request.ValidateOnly)
        {
            if (stored is null) await CheckEndpointsAsync(updated, context.CancellationToken);
            return updated;
        }

        var expectedEtag = RequestChecks.Etag(patch.Etag) ?? stored?.Etag;
        var committed = await store.UpdateRelationshipAsync(updated, expectedEtag, request.AllowMissing, requestId, context.CancellationToken);
        await ConsistencyToken.SendAsync(context, committed.ConsistencyToken);
        return committed.Value;
    }

    public override async Task<Empty> DeleteRelationship(DeleteRelationshipRequest request, ServerCallContext context)
    {
        var name = RequestChecks.RelationshipName(request.Name);
        var requestId = RequestChecks.RequestId(request.RequestId);
        if (request.ValidateOnly)
        {
            var stored = await store.GetRelationshipAsync(name, context.CancellationToken) ?? throw GraphException.NotFound(ResourceNames.RelationshipType, name);
            if (request.Etag.Length > 0 && request.Etag != stored.Etag) throw GraphException.EtagMismatch(ResourceNames.RelationshipType, name);
            return new Empty();
        }
        var committed = await store.DeleteRelationshipAsync(name, RequestChecks.Etag(request.Etag), requestId, context.CancellationToken);
        await ConsistencyToken.SendAsync(context, committed.ConsistencyToken);
        return new Empty();
    }

    public override Task<ImportSummary> ImportRelationships(IAsyncStreamReader<ImportRelationshipsRequest> requestStream, ServerCallContext context) =>
        new BulkImport<Relationship>(
                row => validator.Validate(row, "relationships[]"),
                row => row.Name,
                (rows, ct) => store.UpsertRelationshipsAsync(rows.Select(r => r.WithoutServerFields()).ToList(), 0, ct))
            .RunAsync(requestStream, batch => batch.Relationships, "relationships", context);

    /// <summary>For validate_only: the endpoint checks the store would make inside the write.</summary>
    private async Task CheckEndpointsAsync(Relationship relationship, CancellationToken cancellationToken)
    {
        var endpoints = (await store.GetEntitiesAsync([relationship.Source, relationship.Target], cancellationToken)).ToDictionary(e => e.Name);
        foreach (var name in new[] { relationship.Source, relationship.Target }.Where(n => !endpoints.ContainsKey(n)))
            throw GraphException.FailedPrecondition(ErrorReasons.EndpointNotFound, $"Endpoint {name} does not exist.", new ResourceRef(ResourceNames.EntityType, name));
        validator.CheckEndpointKinds(relationship, endpoints[relationship.Source].Kind, endpoints[relationship.Target].Kind);
    }

    private static void CheckImmutable(string requested, string stored, string field)
    {
        if (requested.Length > 0 && requested != stored)
            throw GraphException.InvalidArgument(ErrorReasons.ImmutableField, field, $"cannot change after creation (is '{stored}'); delete and recreate the relationship instead");
    }
}
