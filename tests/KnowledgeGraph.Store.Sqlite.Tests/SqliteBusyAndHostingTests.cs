using Grpc.Core;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Validation;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Sqlite.Tests;

public sealed class SqliteBusyAndHostingTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_write_lock_held_past_the_bound_is_unavailable_not_database_is_locked_and_nothing_is_written()
    {
        var store = _database.OpenStore(new SqliteGraphStoreOptions(_database.FilePath) { BusyTimeout = TimeSpan.FromMilliseconds(100), MaxBusyRetries = 1 });
        await store.InitializeAsync(None);

        using (var other = _database.OpenConnection())
        using (var lockHolder = other.BeginTransaction(deferred: false))
        {
            await AssertUnavailable(() => store.CreateEntityAsync(Country("japan", "Japan"), null, None));
            // Readers are not blocked by a writer in WAL mode.
            Assert.Null(await store.GetEntityAsync(E("japan"), None));
        }

        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);
        Assert.NotNull(await store.GetEntityAsync(E("japan"), None));
    }

    [Fact]
    public async Task A_write_waits_for_a_short_lock_held_by_another_connection()
    {
        var store = _database.OpenStore();
        await store.InitializeAsync(None);
        var other = _database.OpenConnection();
        var lockHolder = other.BeginTransaction(deferred: false);
        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            lockHolder.Commit();
            other.Dispose();
        });

        var created = await store.CreateEntityAsync(Country("japan", "Japan"), null, None);

        await release;
        Assert.Equal(created.Value, await store.GetEntityAsync(E("japan"), None));
    }

    [Fact]
    public async Task The_di_extension_registers_one_store_for_the_port()
    {
        var services = new ServiceCollection().AddSqliteGraphStore(_database.FilePath);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IGraphStore>();

        Assert.Same(store, provider.GetRequiredService<SqliteGraphStore>());
        Assert.Same(store, provider.GetRequiredService<IGraphStore>());
        Assert.NotNull(provider.GetRequiredService<GraphValidator>());
        Assert.Equal("sqlite:" + Path.GetFullPath(_database.FilePath), store.Location);
        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);
        Assert.True(File.Exists(_database.FilePath));
    }

    private static async Task AssertUnavailable(Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<GraphException>(action);
        Assert.Equal(StatusCode.Unavailable, error.Code);
        Assert.Equal(ErrorReasons.StoreUnavailable, error.Reason);
    }

    public void Dispose() => _database.Dispose();
}
