using Grpc.Health.V1;
using Grpc.Net.Client;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Bench.Services;

/// <summary>The three service processes over one fresh data directory, and gRPC clients to them carrying the run's token.</summary>
public sealed class RunningServices(BenchTokens tokens, string dataPath, string logDirectory) : IAsyncDisposable
{
    private readonly List<GrpcChannel> _channels = [];

    public ServiceProcess? Entities { get; private set; }
    public ServiceProcess? Relationships { get; private set; }
    public ServiceProcess? Queries { get; private set; }

    public IEnumerable<ServiceProcess> All => new[] { Entities, Relationships, Queries }.OfType<ServiceProcess>();

    public async Task StartWritersAsync()
    {
        Entities = ServiceProcess.Start(ProgramBuild.Entities, dataPath, tokens, logDirectory);
        Relationships = ServiceProcess.Start(ProgramBuild.Relationships, dataPath, tokens, logDirectory);
        await Entities.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
        await Relationships.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
    }

    /// <summary>Starts the Queries service and waits until its projection is loaded; returns the health body it then reports.</summary>
    public async Task<System.Text.Json.JsonElement> StartQueriesAsync(TimeSpan timeout)
    {
        Queries = ServiceProcess.Start(ProgramBuild.Queries, dataPath, tokens, logDirectory);
        return await Queries.WaitUntilHealthyAsync(timeout);
    }

    public EntityService.EntityServiceClient EntityClient() => new(Channel(Entities!));
    public RelationshipService.RelationshipServiceClient RelationshipClient() => new(Channel(Relationships!));
    public QueryService.QueryServiceClient QueryClient() => new(Channel(Queries!));
    public Health.HealthClient HealthClient(ServiceProcess service) => new(Channel(service));

    private GrpcChannel Channel(ServiceProcess service)
    {
        var channel = BenchChannels.Create(service.GrpcAddress, tokens.Token);
        _channels.Add(channel);
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        foreach (var service in All.Reverse()) await service.DisposeAsync();
    }
}
