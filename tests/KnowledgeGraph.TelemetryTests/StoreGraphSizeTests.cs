using KnowledgeGraph.Application.Telemetry;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static KnowledgeGraph.TelemetryTests.TestData;

namespace KnowledgeGraph.TelemetryTests;

/// <summary>The graph-size source of the Entities and Relationships services, over the embedded store.</summary>
public sealed class StoreGraphSizeTests : IAsyncLifetime
{
    private ObservedServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new ObservedServices();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();

    [Fact]
    public async Task The_count_follows_writes_once_the_refresh_interval_has_passed()
    {
        var time = new FakeTimeProvider();
        using var size = new StoreGraphSize(_services.EntitiesHost.Services.GetRequiredService<IGraphStore>(), time, NullLogger<StoreGraphSize>.Instance);
        await Create("lilliput");

        Assert.Equal(new GraphSize(1, 0), await CountedAsync(size, new GraphSize(1, 0)));

        await Create("blefuscu");
        await _services.Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = "l-b", Relationship = Supplies("l-b", "lilliput", "blefuscu", 0.5) });
        await Task.Delay(200);
        Assert.Equal(new GraphSize(1, 0), size.Current);

        time.Advance(StoreGraphSize.RefreshInterval);
        Assert.Equal(new GraphSize(2, 1), await CountedAsync(size, new GraphSize(2, 1)));
    }

    private Task<Entity> Create(string id) =>
        _services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = id, Entity = Country(id) }).ResponseAsync;

    private static async Task<GraphSize?> CountedAsync(StoreGraphSize size, GraphSize expected)
    {
        for (var attempt = 0; attempt < 100 && size.Current != expected; attempt++) await Task.Delay(50);
        return size.Current;
    }
}
