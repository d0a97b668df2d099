using Grpc.Net.Client;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>
/// Clients of the three hosts whose channels carry no credentials: each fuzz case chooses its own
/// <c>authorization</c> header (a good token, none, a bad one), as it chooses every other input.
/// </summary>
public sealed class FuzzClients : IDisposable
{
    private readonly GrpcChannel[] _channels;
    private readonly HttpClient[] _http;

    public FuzzClients(KnowledgeGraphServices services)
    {
        _channels = [services.EntitiesHost.CreateChannel(null), services.RelationshipsHost.CreateChannel(null), services.QueriesHost.CreateChannel(null)];
        _http = [services.EntitiesHost.CreateHttpClient(null), services.RelationshipsHost.CreateHttpClient(null), services.QueriesHost.CreateHttpClient(null)];
        Entities = new(_channels[0]);
        Relationships = new(_channels[1]);
        Queries = new(_channels[2]);
        GrpcAddresses = [services.EntitiesHost.GrpcAddress, services.RelationshipsHost.GrpcAddress, services.QueriesHost.GrpcAddress];
    }

    public EntityService.EntityServiceClient Entities { get; }
    public RelationshipService.RelationshipServiceClient Relationships { get; }
    public QueryService.QueryServiceClient Queries { get; }
    public IReadOnlyList<Uri> GrpcAddresses { get; }

    public GrpcChannel Channel(Service service) => _channels[(int)service];
    public HttpClient Http(Service service) => _http[(int)service];

    public void Dispose()
    {
        foreach (var channel in _channels) channel.Dispose();
        foreach (var http in _http) http.Dispose();
    }
}
