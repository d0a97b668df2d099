using KnowledgeGraph.V1;

namespace KnowledgeGraph.ProcessTests;

/// <summary>The Queries service killed with SIGKILL in the middle of traversals: the store stays sound, and a restarted service answers as before.</summary>
public sealed class QueryKillTests
{
    [Fact]
    public async Task A_queries_process_killed_mid_traversal_leaves_the_store_sound_and_answers_the_same_after_restart()
    {
        var data = Directory.CreateTempSubdirectory("kg-crash-queries-").FullName;
        try
        {
            await using (var entities = await ServiceProcess.StartAsync("Entities.Api", data))
            await using (var relationships = await ServiceProcess.StartAsync("Relationships.Api", data))
                for (var batch = 0; batch < 4; batch++)
                {
                    await ImportBatches.ImportEntitiesAsync(new EntityService.EntityServiceClient(entities.Channel), batch, CancellationToken.None);
                    await ImportBatches.ImportRelationshipsAsync(new RelationshipService.RelationshipServiceClient(relationships.Channel), batch, CancellationToken.None);
                }
            var before = await StoreInspection.ReadAsync(data);

            // Upstream of the last company of a chain: 249 routes, one per company before it.
            var question = new TraceDependenciesRequest { Root = ImportBatches.EntityName(3, ImportBatches.Size - 1), Direction = TraceDirection.Upstream, MaxDepth = 10 };
            TraceDependenciesResponse answered;
            var inFlight = 0;
            await using (var queries = await ServiceProcess.StartAsync("Queries.Api", data))
            {
                var client = new QueryService.QueryServiceClient(queries.Channel);
                answered = await client.TraceDependenciesAsync(question);
                var load = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
                {
                    try
                    {
                        while (true)
                        {
                            Interlocked.Increment(ref inFlight);
                            await client.TraceDependenciesAsync(question);
                        }
                    }
                    catch (Exception exception) when (ImportBatches.LostToTheKill(exception)) { }
                })).ToList();
                await Task.Delay(300);
                await queries.KillAsync();
                await Task.WhenAll(load);
            }

            var after = await StoreInspection.ReadAsync(data);
            Assert.Empty(after.Problems);
            Assert.Equal(before.Entities.Order(), after.Entities.Order());
            Assert.Equal(before.Relationships.Order(), after.Relationships.Order());

            await using var restarted = await ServiceProcess.StartAsync("Queries.Api", data);
            var again = await new QueryService.QueryServiceClient(restarted.Channel).TraceDependenciesAsync(question);
            Assert.Equal(10, answered.Dependencies.Count);
            Assert.True(inFlight > 8, $"only {inFlight} traversals were started before the kill");
            Assert.Equal(answered.Dependencies, again.Dependencies);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
