using Grpc.Core;
using Grpc.Net.Client;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FunctionalTests.Security;

/// <summary>One of the three services as the access tests call it: clients with a chosen token, and a read over gRPC and JSON.</summary>
public sealed record ServiceUnderTest(
    string Name, Func<string?, GrpcChannel> Channel, Func<string?, HttpClient> Http, Func<ChannelBase, Task> ReadAsync, string ReadPath)
{
    public static readonly string[] All = ["entities", "relationships", "queries"];

    public static TheoryData<string> Names => new(All);

    public static ServiceUnderTest Of(KnowledgeGraphServices services, string name) => name switch
    {
        "entities" => new(name, services.EntitiesHost.CreateChannel, services.EntitiesHost.CreateHttpClient,
            async channel => await new EntityService.EntityServiceClient(channel).ListEntitiesAsync(new ListEntitiesRequest()), "/v1/entities"),
        "relationships" => new(name, services.RelationshipsHost.CreateChannel, services.RelationshipsHost.CreateHttpClient,
            async channel => await new RelationshipService.RelationshipServiceClient(channel).ListRelationshipsAsync(new ListRelationshipsRequest()), "/v1/relationships"),
        "queries" => new(name, services.QueriesHost.CreateChannel, services.QueriesHost.CreateHttpClient,
            async channel => await new QueryService.QueryServiceClient(channel).GetSchemaAsync(new GetSchemaRequest()), "/v1/schema"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a service"),
    };
}
