using Grpc.Core;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.ProcessTests;

/// <summary>
/// A large import as numbered batches: batch k is <see cref="Size"/> companies, then a chain of
/// SUPPLIES relationships among them, each batch sent as its own import call so that its
/// acknowledgement is the call's answer.
/// </summary>
public static class ImportBatches
{
    public const int Size = 250;

    public static string EntityName(int batch, int row) => $"entities/b{batch:0000}-c{row:000}";

    public static string RelationshipName(int batch, int row) => $"relationships/b{batch:0000}-s{row:000}";

    public static IEnumerable<Entity> Entities(int batch) => Enumerable.Range(0, Size).Select(row => new Entity
    {
        Name = EntityName(batch, row),
        Kind = "Company",
        DisplayName = $"Company {batch}-{row}",
        Sources = { new Source { Document = "crash-tests", Quote = $"Company {batch}-{row} exists." } },
    });

    public static IEnumerable<Relationship> Relationships(int batch) => Enumerable.Range(0, Size - 1).Select(row => new Relationship
    {
        Name = RelationshipName(batch, row),
        Type = "SUPPLIES",
        Source = EntityName(batch, row),
        Target = EntityName(batch, row + 1),
        Properties = { ["share"] = new PropertyValue { NumberValue = 0.5 } },
        Sources = { new Source { Document = "crash-tests", Quote = $"Company {batch}-{row} supplies the next." } },
    });

    public static async Task<ImportSummary> ImportEntitiesAsync(EntityService.EntityServiceClient client, int batch, CancellationToken cancellation)
    {
        using var call = client.ImportEntities(cancellationToken: cancellation);
        await call.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { Entities(batch) } }, cancellation);
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    public static async Task<ImportSummary> ImportRelationshipsAsync(RelationshipService.RelationshipServiceClient client, int batch, CancellationToken cancellation)
    {
        using var call = client.ImportRelationships(cancellationToken: cancellation);
        await call.RequestStream.WriteAsync(new ImportRelationshipsRequest { Relationships = { Relationships(batch) } }, cancellation);
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>True when the call failed because the process it talked to died.</summary>
    public static bool LostToTheKill(Exception exception) =>
        exception is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.Internal or StatusCode.Cancelled or StatusCode.Unknown } or IOException or HttpRequestException or OperationCanceledException;
}
