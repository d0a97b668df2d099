namespace KnowledgeGraph.Store.Neo4j;

/// <summary>Runs one store operation with its telemetry, and turns what Neo4j reports into the port's errors (<see cref="Neo4jErrors.Map"/>).</summary>
internal static class StoreOperation
{
    public const string Store = "neo4j";

    public static async Task<T> RunAsync<T>(string operation, string location, Func<Task<T>> body)
    {
        using var telemetry = StoreTelemetry.Start(Store, operation);
        try
        {
            return await body();
        }
        catch (Exception e)
        {
            telemetry.Fail(e);
            var mapped = Neo4jErrors.Map(e, location);
            if (ReferenceEquals(mapped, e)) throw;
            throw mapped;
        }
    }
}
