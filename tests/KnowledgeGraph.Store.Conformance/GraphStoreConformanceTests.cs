using Google.Protobuf;
using KnowledgeGraph.Domain.Errors;
using Xunit;

namespace KnowledgeGraph.Store.Conformance;

/// <summary>
/// What every <see cref="IGraphStore"/> adapter must do, written once. An adapter's test project
/// derives from this class, supplies an empty store per test and, where its server is not
/// reachable, a <see cref="SkipReason"/> (the tests then report as skipped with that reason).
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A new store with no entities or relationships, initialized.</summary>
    protected abstract Task<IGraphStore> CreateEmptyStoreAsync();

    /// <summary>Why this adapter's tests cannot run here (for example, no server configured); null to run.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>
    /// A token this adapter would issue for a commit well after <paramref name="issuedToken"/>'s, or
    /// null when the adapter cannot mint one (the timeout test is then skipped).
    /// </summary>
    protected virtual string? FutureConsistencyToken(string issuedToken) => null;

    protected async Task<IGraphStore> StoreAsync()
    {
        Skip.If(SkipReason is not null, SkipReason);
        return await CreateEmptyStoreAsync();
    }

    protected static T Stored<T>(T resource) where T : class, IMessage<T> => StoreSessions.Stored(resource);

    protected static Task<string> CommitAsync(IGraphStore store, Action<IUnitOfWork> write) => StoreSessions.CommitAsync(store, write);

    protected static Task<T> ReadAsync<T>(IGraphStore store, Func<IGraphSnapshot, Task<T>> read) => StoreSessions.ReadAsync(store, read);

    protected static async Task<GraphException> AssertFails(ErrorKind kind, string reason, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<GraphException>(action);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(reason, error.Reason);
        return error;
    }
}
