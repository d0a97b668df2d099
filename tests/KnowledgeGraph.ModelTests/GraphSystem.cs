using System.Text.Json.Nodes;
using Google.Protobuf;
using KnowledgeGraph.Application;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Application.Reads;
using KnowledgeGraph.Application.Writes;
using KnowledgeGraph.Store;
using KnowledgeGraph.Store.Reference;
using KnowledgeGraph.Store.Sqlite;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.ModelTests;

/// <summary>
/// One system under comparison: the application core, wired as the hosts wire it, over one store.
/// It also remembers what its client has seen: the last consistency token, the etags it was given
/// and the graph as last read, so a command can say "the current etag" and each system supply its own.
/// </summary>
public sealed class GraphSystem : IAsyncDisposable
{
    /// <summary>Small enough that traversals of the generated graphs (a handful of relationships) hit MAX_EXPANSIONS.</summary>
    public const int MaxExpandedRelationships = 5;

    private readonly ServiceProvider _services;
    private readonly Action _cleanup;

    private GraphSystem(string name, IGraphStore store, TimeProvider clock, Action cleanup)
    {
        Name = name;
        Store = store;
        _cleanup = cleanup;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{QueryOptions.Section}:MaxExpandedRelationships"] = $"{MaxExpandedRelationships}",
                [$"{QueryOptions.Section}:MaxPartialPaths"] = $"{MaxExpandedRelationships}",
                // The stores are compared here; the projection's answers are compared with the store's in their own property test.
                [$"{QueryOptions.Section}:Engine"] = nameof(QueryEngineKind.Store),
            })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton(clock)
            .AddSingleton(store)
            .AddKnowledgeGraphApplication(configuration)
            .AddKnowledgeGraphQueries(configuration)
            .BuildServiceProvider();
    }

    public static GraphSystem OverSqlite(TimeProvider clock)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kg-model-tests", Guid.NewGuid().ToString("N"));
        var store = new SqliteGraphStore(new SqliteGraphStoreOptions(Path.Combine(folder, "graph.db")), clock);
        return new GraphSystem("sqlite", store, clock, () =>
        {
            store.Dispose();
            Directory.Delete(folder, recursive: true);
        });
    }

    public static GraphSystem OverReference(TimeProvider clock)
    {
        var store = new ReferenceGraphStore();
        return new GraphSystem("reference", store, clock, store.Dispose);
    }

    public string Name { get; }
    public IGraphStore Store { get; }
    public ResourceWrites<Entity> EntityWrites => _services.GetRequiredService<ResourceWrites<Entity>>();
    public ResourceWrites<Relationship> RelationshipWrites => _services.GetRequiredService<ResourceWrites<Relationship>>();
    public ResourceReads<Entity> EntityReads => _services.GetRequiredService<ResourceReads<Entity>>();
    public ResourceReads<Relationship> RelationshipReads => _services.GetRequiredService<ResourceReads<Relationship>>();
    public QueryHandler Queries => _services.GetRequiredService<QueryHandler>();

    /// <summary>What this system's client has seen: etag labels, etag histories, the graph as last read.</summary>
    public ClientMemory Memory { get; } = new();

    /// <summary>The call context a command asks for, with this system's own token where it asks for the latest.</summary>
    public CallContext Call(Consistency consistency) => consistency switch
    {
        Consistency.Latest => new CallContext(Memory.LastToken, null, CancellationToken.None),
        Consistency.Foreign => new CallContext("x1.7", null, CancellationToken.None),
        _ => CallContext.None,
    };

    /// <summary>A write's answer; its token becomes this system's latest.</summary>
    public JsonNode Answer<T>(Written<T> written) where T : IMessage
    {
        Memory.Committed(written.ConsistencyToken);
        return Answers.Of(written);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _cleanup();
    }
}

/// <summary>Which consistency token a call carries: none, the one of this system's last write, or one no store issued.</summary>
public enum Consistency
{
    None,
    Latest,
    Foreign,
}
