using System.Collections.Concurrent;
using System.Diagnostics;
using KnowledgeGraph.Application;
using KnowledgeGraph.Domain.Errors;
using Xunit;
using Xunit.Abstractions;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Sqlite.Tests;

/// <summary>
/// Many writers on one file through separate store instances, each with its application core (as
/// the three service processes are), lose nothing: every acknowledged write is there and logged
/// once, and the only error a writer sees is the ABORTED of an etag race.
/// </summary>
public sealed class SqliteConcurrencyTests(ITestOutputHelper output) : IDisposable
{
    private const int Stores = 4;
    private const int TasksPerStore = 8;
    private const int WritesPerTask = 50;
    private const int HotEntities = 4;

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Parallel_writers_on_separate_stores_lose_nothing()
    {
        await using var seed = GraphApplication.Over(_database.OpenStore());
        await seed.CreateAsync(Country("hub", "Hub"));
        for (var h = 0; h < HotEntities; h++)
            await seed.CreateAsync(Country($"hot-{h}", $"Hot {h}"));
        const int seedWrites = 1 + HotEntities;

        var stores = Enumerable.Range(0, Stores).Select(_ => GraphApplication.Over(_database.OpenStore())).ToList();
        var counts = new ConcurrentDictionary<string, int>();
        var marks = new ConcurrentQueue<string>();
        var unexpected = new ConcurrentQueue<Exception>();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(
            from s in Enumerable.Range(0, Stores)
            from t in Enumerable.Range(0, TasksPerStore)
            select Task.Run(() => WriterAsync(stores[s], $"w{s}-{t}", counts, marks, unexpected)));

        clock.Stop();
        foreach (var application in stores) await application.DisposeAsync();
        Assert.Empty(unexpected);
        var created = counts.GetValueOrDefault("entity");
        var updated = counts.GetValueOrDefault("update");
        var related = counts.GetValueOrDefault("relationship");
        var aborted = counts.GetValueOrDefault("aborted");
        Assert.Equal(Stores * TasksPerStore * WritesPerTask, created + updated + related + aborted);

        using var connection = _database.OpenConnection();
        Assert.Equal(seedWrites + created, Count(connection, "SELECT count(*) FROM entities"));
        Assert.Equal(related, Count(connection, "SELECT count(*) FROM relationships"));
        Assert.Equal(seedWrites + created + updated + related, Count(connection, "SELECT count(*) FROM change_log"));
        Assert.Equal(updated, Count(connection, "SELECT count(*) FROM change_log WHERE op = 'UPDATE'"));
        Assert.Equal(Count(connection, "SELECT count(*) FROM change_log"), Count(connection, "SELECT max(seq) FROM change_log"));
        var hot = await seed.EntityReads.BatchGetAsync([.. Enumerable.Range(0, HotEntities).Select(h => E($"hot-{h}"))], CallContext.None);
        var kept = hot.SelectMany(e => e.Description.Split(';', StringSplitOptions.RemoveEmptyEntries)).Order(StringComparer.Ordinal);
        Assert.Equal(marks.Order(StringComparer.Ordinal), kept);
        var acknowledged = created + updated + related;
        output.WriteLine($"{acknowledged} writes acknowledged ({created} creates, {updated} updates, {related} relationships, {aborted} etag conflicts) " +
            $"in {clock.Elapsed.TotalSeconds:0.00} s: {acknowledged / clock.Elapsed.TotalSeconds:0} writes/s");
    }

    private static async Task WriterAsync(GraphApplication store, string writer, ConcurrentDictionary<string, int> counts, ConcurrentQueue<string> marks, ConcurrentQueue<Exception> unexpected)
    {
        string? last = null;
        for (var i = 0; i < WritesPerTask; i++)
        {
            try
            {
                switch (i % 3)
                {
                    case 0:
                        last = $"{writer}-{i}";
                        await store.CreateAsync(Country(last, last));
                        counts.AddOrUpdate("entity", 1, (_, n) => n + 1);
                        break;
                    case 1:
                        // Read-modify-write: a lost update would drop another writer's mark from the description.
                        var current = await store.EntityReads.GetAsync(E($"hot-{i % HotEntities}"), CallContext.None);
                        var next = current.Clone();
                        next.Description += $"{writer}-{i};";
                        await Task.Yield();
                        await store.Entities.UpdateAsync(new(next, null, false, "", false), CallContext.None);
                        marks.Enqueue($"{writer}-{i}");
                        counts.AddOrUpdate("update", 1, (_, n) => n + 1);
                        break;
                    default:
                        await store.CreateAsync(Supplies($"{writer}-{i}", last!, "hub", 0.1));
                        counts.AddOrUpdate("relationship", 1, (_, n) => n + 1);
                        break;
                }
            }
            catch (GraphException ex) when (ex.Kind == ErrorKind.Aborted && ex.Reason == ErrorReasons.EtagMismatch)
            {
                counts.AddOrUpdate("aborted", 1, (_, n) => n + 1);
            }
            catch (Exception ex)
            {
                unexpected.Enqueue(ex);
            }
        }
    }

    private static long Count(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _database.Dispose();
}
