using Entities.Api;
using Grpc.Core.Interceptors;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using Queries.Api;
using Relationships.Api;

namespace KnowledgeGraph.TelemetryTests;

/// <summary>
/// The three services over one fresh SQLite data directory, each observed by in-memory exporters; the
/// clients share one <see cref="ConsistencySession"/>, so a query sees the writes made before it.
/// </summary>
public sealed class ObservedServices : IAsyncDisposable
{
    public string DataPath { get; } = Directory.CreateTempSubdirectory("kg-telemetry-").FullName;

    public ObservedHost<EntitiesApiMarker> EntitiesHost { get; }
    public ObservedHost<RelationshipsApiMarker> RelationshipsHost { get; }
    public ObservedHost<QueriesApiMarker> QueriesHost { get; }

    public EntityService.EntityServiceClient Entities { get; }
    public RelationshipService.RelationshipServiceClient Relationships { get; }
    public QueryService.QueryServiceClient Queries { get; }

    public ConsistencySession Session { get; } = new();

    public ObservedServices()
    {
        EntitiesHost = new(DataPath);
        RelationshipsHost = new(DataPath);
        QueriesHost = new(DataPath);
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
