using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain;

namespace KnowledgeGraph.Store.Conformance;

/// <summary>Short ways to write and read through the store port in tests.</summary>
public static class StoreSessions
{
    /// <summary>A resource in the final form a store is given: with a fresh etag and times.</summary>
    public static T Stored<T>(T resource) where T : class, IMessage<T> =>
        resource.Stamped(ServerFields.NewEtag(), null, Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow));

    /// <summary>Runs <paramref name="write"/> in one unit of work and commits it; returns the consistency token.</summary>
    public static async Task<string> CommitAsync(IGraphStore store, Action<IUnitOfWork> write)
    {
        await using var unit = await store.BeginAsync(ReadConsistency.None, CancellationToken.None);
        write(unit);
        return await unit.CommitAsync(CancellationToken.None);
    }

    /// <summary>Reads in a fresh snapshot.</summary>
    public static async Task<T> ReadAsync<T>(IGraphStore store, Func<IGraphSnapshot, Task<T>> read)
    {
        await using var snapshot = await store.OpenSnapshotAsync(ReadConsistency.None, CancellationToken.None);
        return await read(snapshot);
    }
}
