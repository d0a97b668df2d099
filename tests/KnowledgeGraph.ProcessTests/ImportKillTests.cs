using KnowledgeGraph.V1;
using Xunit.Abstractions;

namespace KnowledgeGraph.ProcessTests;

/// <summary>
/// A large import into the Entities and Relationships service processes, both killed with SIGKILL at
/// a random moment, again and again on the same store (<c>KG_CRASH_RUNS</c> kills, default 20). After
/// each kill the store is read with no service running: every acknowledged batch is there, no batch
/// is half there, SQLite's integrity and foreign-key checks pass, no relationship dangles and the
/// change feed ends in the stored graph. Each restart first sends every batch attempted so far again:
/// the acknowledged ones come back unchanged (no duplicates), the lost one completes; then the import
/// goes on until the next kill.
/// </summary>
public sealed class ImportKillTests(ITestOutputHelper output)
{
    private static int Runs => int.TryParse(Environment.GetEnvironmentVariable("KG_CRASH_RUNS"), out var runs) && runs > 0 ? runs : 20;

    [Fact]
    public async Task Every_acknowledged_batch_survives_a_kill_and_no_batch_is_half_written()
    {
        var random = new Random(20261202);
        var data = Directory.CreateTempSubdirectory("kg-crash-").FullName;
        var (acknowledged, attempted, checkedBatches) = (0, -1, 0);
        try
        {
            for (var run = 0; run < Runs; run++)
            {
                (acknowledged, attempted) = await ResendThenImportUntilKilledAsync(data, acknowledged, attempted, TimeSpan.FromMilliseconds(random.Next(0, 1500)));
                var store = await StoreInspection.ReadAsync(data);
                Assert.True(store.Problems.Count == 0, $"run {run}: {string.Join("; ", store.Problems)}");
                for (var batch = 0; batch <= attempted; batch++)
                {
                    var entities = Enumerable.Range(0, ImportBatches.Size).Count(row => store.Entities.Contains(ImportBatches.EntityName(batch, row)));
                    var relationships = Enumerable.Range(0, ImportBatches.Size - 1).Count(row => store.Relationships.Contains(ImportBatches.RelationshipName(batch, row)));
                    Assert.True(entities is 0 or ImportBatches.Size, $"run {run}: batch {batch} holds {entities} of its entities");
                    Assert.True(relationships is 0 or ImportBatches.Size - 1, $"run {run}: batch {batch} holds {relationships} of its relationships");
                    if (batch < acknowledged) Assert.True(entities + relationships == 2 * ImportBatches.Size - 1, $"run {run}: acknowledged batch {batch} is missing");
                }
                Assert.Equal(store.Entities.Count, store.Entities.Distinct().Count());
                checkedBatches += attempted + 1;
                output.WriteLine($"run {run}: killed with {acknowledged} batches acknowledged, batch {attempted} in flight; store sound");
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
        var summary = $"crash: {Runs} kills, {checkedBatches} batch checks, {acknowledged} batches acknowledged in all, 0 failed";
        output.WriteLine(summary);
        Console.WriteLine(summary);
    }

    /// <summary>
    /// Starts both services on the store, sends batches 0..<paramref name="attempted"/> again, then new
    /// batches, and kills both processes <paramref name="killAfter"/> after this run's first new
    /// acknowledgement. Returns the batches acknowledged (0..n-1) and the last one attempted.
    /// </summary>
    private static async Task<(int Acknowledged, int Attempted)> ResendThenImportUntilKilledAsync(string data, int acknowledged, int attempted, TimeSpan killAfter)
    {
        await using var entityService = await ServiceProcess.StartAsync("Entities.Api", data);
        await using var relationshipService = await ServiceProcess.StartAsync("Relationships.Api", data);
        var entities = new EntityService.EntityServiceClient(entityService.Channel);
        var relationships = new RelationshipService.RelationshipServiceClient(relationshipService.Channel);

        for (var batch = 0; batch <= attempted; batch++)
        {
            var (entitySummary, relationshipSummary) = await ImportAsync(entities, relationships, batch);
            if (batch < acknowledged)
                Assert.Equal((ImportBatches.Size, ImportBatches.Size - 1), (entitySummary.Unchanged, relationshipSummary.Unchanged));
        }
        acknowledged = attempted + 1;

        var newlyAcknowledged = new TaskCompletionSource();
        var importing = Task.Run(async () =>
        {
            try
            {
                for (var batch = acknowledged; ; batch++)
                {
                    Volatile.Write(ref attempted, batch);
                    await ImportAsync(entities, relationships, batch);
                    Volatile.Write(ref acknowledged, batch + 1);
                    newlyAcknowledged.TrySetResult();
                }
            }
            catch (Exception exception) when (ImportBatches.LostToTheKill(exception))
            {
                // The kill: the batch in flight is not acknowledged, and is checked to be whole or absent.
            }
        });
        await newlyAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(killAfter);
        await Task.WhenAll(entityService.KillAsync(), relationshipService.KillAsync());
        await importing;
        return (Volatile.Read(ref acknowledged), Volatile.Read(ref attempted));
    }

    private static async Task<(ImportSummary Entities, ImportSummary Relationships)> ImportAsync(
        EntityService.EntityServiceClient entities, RelationshipService.RelationshipServiceClient relationships, int batch)
    {
        var entitySummary = await ImportBatches.ImportEntitiesAsync(entities, batch, CancellationToken.None);
        var relationshipSummary = await ImportBatches.ImportRelationshipsAsync(relationships, batch, CancellationToken.None);
        if (entitySummary.Rejected + relationshipSummary.Rejected > 0)
            throw new InvalidOperationException($"batch {batch} had rejected rows: {entitySummary} {relationshipSummary}");
        return (entitySummary, relationshipSummary);
    }
}
