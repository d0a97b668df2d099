using CsCheck;
using Google.Protobuf;
using Grpc.Core;
using KnowledgeGraph.FuzzTests.Harness;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FuzzTests.Generators;

/// <summary>
/// The client-streaming imports (gRPC only): a few batches of hostile rows, sometimes one batch over
/// the limit, and sometimes a stream the client cancels halfway, after some batches were sent.
/// </summary>
public static class ImportCalls
{
    public static Gen<FuzzCall> Entities { get; } =
        from batches in Batches(HostileResources.Entity, new Entity { Name = "entities/f0", Kind = "Country", DisplayName = "F0" })
        from cancelAfter in CancelAfter(batches.Count)
        select Stream("EntityService/ImportEntities", Service.Entities, batches.Select(b => new ImportEntitiesRequest { Entities = { b } }).ToList(), cancelAfter,
            (c, o) => c.Entities.ImportEntities(o));

    public static Gen<FuzzCall> Relationships { get; } =
        from batches in Batches(HostileResources.Relationship, new Relationship { Name = "relationships/g0", Type = "LOCATED_IN", Source = "entities/sakhalin-2", Target = "entities/russia" })
        from cancelAfter in CancelAfter(batches.Count)
        select Stream("RelationshipService/ImportRelationships", Service.Relationships, batches.Select(b => new ImportRelationshipsRequest { Relationships = { b } }).ToList(), cancelAfter,
            (c, o) => c.Relationships.ImportRelationships(o));

    /// <summary>A few batches of hostile rows, or (rarely) one of small rows over the batch limit.</summary>
    private static Gen<List<List<T>>> Batches<T>(Gen<T> row, T small) => Gen.Frequency(
        (12, row.List[0, 4].List[0, 3]),
        (1, Gen.Const(new List<List<T>> { Enumerable.Repeat(small, 1001).ToList() })));

    /// <summary>After how many batches the client cancels the stream, or null when it completes it.</summary>
    private static Gen<int?> CancelAfter(int batches) =>
        Gen.Frequency((4, Gen.Const((int?)null)), (1, Gen.Int[0, batches].Select(n => (int?)n)));

    private static FuzzCall Stream<TRequest, TResponse>(string method, Service service, List<TRequest> batches, int? cancelAfter,
        Func<FuzzClients, CallOptions, AsyncClientStreamingCall<TRequest, TResponse>> open)
        where TRequest : IMessage where TResponse : IMessage
    {
        var first = batches.Count > 0 ? (IMessage)batches[0] : new Google.Protobuf.WellKnownTypes.Empty();
        return new(method + $" ({batches.Count} batches{(cancelAfter is { } n ? $", cancelled after {n}" : "")})", service, first, Writes.Batches, async (clients, options) =>
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
            using var call = open(clients, options.WithCancellationToken(cancel.Token));
            for (var i = 0; i < batches.Count && i != cancelAfter; i++)
            {
                // The server may end the call early (a refused batch); its status is then the call's answer.
                try { await call.RequestStream.WriteAsync(batches[i]); }
                catch (Exception) when (!cancel.IsCancellationRequested) { return await call.ResponseAsync; }
            }
            if (cancelAfter is not null) await cancel.CancelAsync();
            else
            {
                try { await call.RequestStream.CompleteAsync(); }
                catch (Exception) { /* already ended by the server: its status follows */ }
            }
            return await call.ResponseAsync;
        }, Route: null, CancelsItself: cancelAfter is not null);
    }
}
