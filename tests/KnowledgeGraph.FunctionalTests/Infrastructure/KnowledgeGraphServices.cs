using Entities.Api;
using Grpc.Core.Interceptors;
using KnowledgeGraph.V1;
using Queries.Api;
using Relationships.Api;

namespace KnowledgeGraph.FunctionalTests.Infrastructure;

/// <summary>
/// The three services, each in-process on its own Kestrel ports, sharing one fresh SQLite data
/// directory, with real gRPC clients over real channels. The clients share one
/// <see cref="ConsistencySession"/>, so a query sees the writes made before it. Dispose to stop them
/// and delete the data.
/// </summary>
public sealed class KnowledgeGraphServices : IAsyncDisposable
{
    public string DataPath { get; } = Directory.CreateTempSubdirectory("kg-tests-").FullName;

    public ServiceHost<EntitiesApiMarker> EntitiesHost { get; }
    public ServiceHost<RelationshipsApiMarker> RelationshipsHost { get; }
    public ServiceHost<QueriesApiMarker> QueriesHost { get; }

    public EntityService.EntityServiceClient Entities { get; }
    public RelationshipService.RelationshipServiceClient Relationships { get; }
    public QueryService.QueryServiceClient Queries { get; }

    public ConsistencySession Session { get; } = new();

    public KnowledgeGraphServices(IReadOnlyDictionary<string, string>? settings = null)
    {
        EntitiesHost = new(DataPath, settings);
        RelationshipsHost = new(DataPath, settings);
        QueriesHost = new(DataPath, settings);
        Entities = new(EntitiesHost.Channel.Intercept(Session));
        Relationships = new(RelationshipsHost.Channel.Intercept(Session));
        Queries = new(QueriesHost.Channel.Intercept(Session));
    }

    public async ValueTask DisposeAsync()
    {
        await QueriesHost.DisposeAsync();
        await RelationshipsHost.DisposeAsync();
        await EntitiesHost.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataPath, recursive: true); }
        catch (IOException) { /* a file still held open is left for the OS temp cleaner */ }
    }
}
