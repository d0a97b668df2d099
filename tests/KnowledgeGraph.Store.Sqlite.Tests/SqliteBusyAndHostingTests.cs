using KnowledgeGraph.Domain.Errors;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.Store.Sqlite.Tests;

public sealed class SqliteBusyAndHostingTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_write_lock_held_past_the_bound_is_unavailable_with_retry_advice_and_nothing_is_written()
    {
        var store = _database.OpenStore(new SqliteGraphStoreOptions(_database.FilePath) { BusyTimeout = TimeSpan.FromMilliseconds(100), MaxBusyRetries = 1 });
        await store.InitializeAsync(None);

        using (var other = _database.OpenConnection())
        using (var lockHolder = other.BeginTransaction(deferred: false))
        {
            var error = await Assert.ThrowsAsync<GraphException>(() => CommitAsync(store, unit => unit.Insert(Stored(Country("japan", "Japan")))));
            Assert.Equal((ErrorKind.Unavailable, ErrorReasons.StoreUnavailable), (error.Kind, error.Reason));
            Assert.NotNull(error.RetryDelay);
            // Readers are not blocked by a writer in WAL mode.
            Assert.Empty(await ReadAsync(store, s => s.GetEntitiesAsync([E("japan")], None)));
        }

        await CommitAsync(store, unit => unit.Insert(Stored(Country("japan", "Japan"))));
        Assert.Single(await ReadAsync(store, s => s.GetEntitiesAsync([E("japan")], None)));
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

        var japan = Stored(Country("japan", "Japan"));
        await CommitAsync(store, unit => unit.Insert(japan));

        await release;
        Assert.Equal([japan], await ReadAsync(store, s => s.GetEntitiesAsync([E("japan")], None)));
    }

    [Fact]
    public async Task The_di_extension_registers_one_store_for_the_port()
    {
        var services = new ServiceCollection().AddSqliteGraphStore(_database.FilePath);
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IGraphStore>();

        Assert.Same(store, provider.GetRequiredService<SqliteGraphStore>());
        Assert.Equal("sqlite:" + Path.GetFullPath(_database.FilePath), store.Location);
        await CommitAsync(store, unit => unit.Insert(Stored(Country("japan", "Japan"))));
        Assert.True(File.Exists(_database.FilePath));
    }

    public void Dispose() => _database.Dispose();
}
