using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using KnowledgeGraph.V1;
using Xunit.Abstractions;

namespace KnowledgeGraph.ProcessTests;

/// <summary>
/// Many clients increment counters on the same entities through two Entities service processes
/// over one store, each a read-modify-write with the etag it read: no increment is lost, a collision
/// is ABORTED (retried by the client), and a busy file is UNAVAILABLE with retry advice, never anything else.
/// </summary>
public sealed class EtagConcurrencyTests(ITestOutputHelper output)
{
    private const int Counters = 3;
    private const int Clients = 16;
    private const int IncrementsPerClient = 15;

    [Fact]
    public async Task Concurrent_updates_with_etags_through_two_processes_lose_nothing()
    {
        var data = Directory.CreateTempSubdirectory("kg-etags-").FullName;
        try
        {
            await using var first = await ServiceProcess.StartAsync("Entities.Api", data);
            await using var second = await ServiceProcess.StartAsync("Entities.Api", data);
            var clients = new[] { new EntityService.EntityServiceClient(first.Channel), new EntityService.EntityServiceClient(second.Channel) };
            for (var counter = 0; counter < Counters; counter++)
                await clients[0].CreateEntityAsync(new CreateEntityRequest { EntityId = $"counter-{counter}", Entity = Counter(0) });

            var (conflicts, busy) = (0, 0);
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                var entities = clients[client % 2];
                for (var done = 0; done < IncrementsPerClient;)
                {
                    var name = $"entities/counter-{(client + done) % Counters}";
                    var current = await entities.GetEntityAsync(new GetEntityRequest { Name = name });
                    var next = Counter(int.Parse(current.DisplayName["Counter ".Length..]) + 1);
                    next.Name = name;
                    next.Etag = current.Etag;
                    try
                    {
                        await entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = next, UpdateMask = new FieldMask { Paths = { "display_name" } } });
                        done++;
                    }
                    catch (RpcException e) when (e.StatusCode == StatusCode.Aborted)
                    {
                        Assert.Equal("ETAG_MISMATCH", e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
                        Interlocked.Increment(ref conflicts);
                    }
                    catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
                    {
                        Assert.NotNull(e.GetRpcStatus()?.GetDetail<RetryInfo>());
                        Interlocked.Increment(ref busy);
                    }
                }
            })));

            var total = 0;
            for (var counter = 0; counter < Counters; counter++)
                total += int.Parse((await clients[1].GetEntityAsync(new GetEntityRequest { Name = $"entities/counter-{counter}" })).DisplayName["Counter ".Length..]);
            var summary = $"etags: {Clients * IncrementsPerClient} increments by {Clients} clients through 2 processes, {conflicts} conflicts (ABORTED), {busy} busy (UNAVAILABLE), {Clients * IncrementsPerClient - total} lost";
            output.WriteLine(summary);
            Console.WriteLine(summary);
            Assert.Equal(Clients * IncrementsPerClient, total);
            Assert.True(conflicts > 0, "no two clients ever collided: the test proves nothing");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static Entity Counter(int value) => new()
    {
        Kind = "Country",
        DisplayName = $"Counter {value}",
        Sources = { new Source { Document = "etag-tests", Quote = "A counter." } },
    };
}
