using KnowledgeGraph.Application;
using KnowledgeGraph.Application.Reads;
using KnowledgeGraph.Application.Writes;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Store.Sqlite.Tests;

/// <summary>The application core over one store instance, as one service process has it.</summary>
internal sealed class GraphApplication(ServiceProvider services) : IAsyncDisposable
{
    public ResourceWrites<Entity> Entities { get; } = services.GetRequiredService<ResourceWrites<Entity>>();
    public ResourceReads<Entity> EntityReads { get; } = services.GetRequiredService<ResourceReads<Entity>>();
    public ResourceWrites<Relationship> Relationships { get; } = services.GetRequiredService<ResourceWrites<Relationship>>();

    public static GraphApplication Over(IGraphStore store) =>
        new(new ServiceCollection()
            .AddSingleton(store)
            .AddKnowledgeGraphApplication(new ConfigurationBuilder().Build())
            .BuildServiceProvider());

    public Task<Written<Entity>> CreateAsync(Entity entity) =>
        Entities.CreateAsync(new(entity.Name["entities/".Length..], entity, "", false), CallContext.None);

    public Task<Written<Relationship>> CreateAsync(Relationship relationship) =>
        Relationships.CreateAsync(new(relationship.Name["relationships/".Length..], relationship, "", false), CallContext.None);

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
