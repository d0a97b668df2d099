using Google.Protobuf;
using KnowledgeGraph.Application.Consistency;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store;

namespace KnowledgeGraph.Application.Writes;

/// <summary>
/// Runs a write handler in a unit of work, once for every write method: a request id already seen
/// returns its first response and writes nothing (AIP-155); validate_only runs the same handler and
/// commits nothing (AIP-163); otherwise the response is recorded with the request id and the unit
/// committed. A unit that lost a race with a concurrent writer is run again from the start, a few times.
/// </summary>
public sealed class WriteRunner(IGraphStore store, ConsistencyGate gate, TimeProvider time)
{
    private const int MaxAttempts = 4;

    /// <param name="import">The handler only inserts and replaces resources of one collection, in a bulk import (<see cref="IGraphStore.BeginImportAsync"/>).</param>
    public async Task<Written<TResponse>> RunAsync<TResponse>(
        string method, string? requestId, bool validateOnly, Func<WriteUnit, Task<TResponse>> handler, CallContext call, bool import = false)
        where TResponse : IMessage<TResponse>, new()
    {
        var consistency = await gate.ResolveAsync(call);
        var cancellation = call.Cancellation;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var unit = import ? await store.BeginImportAsync(consistency, cancellation) : await store.BeginAsync(consistency, cancellation);
                if (!validateOnly && requestId is not null && await unit.FindRequestAsync(requestId, cancellation) is { } recorded)
                    return new(Replay<TResponse>(recorded, method, requestId), await unit.CommitAsync(cancellation));

                var response = await handler(new WriteUnit(unit, time.GetUtcNow(), validateOnly));
                if (validateOnly) return new(response, null);
                if (requestId is not null) unit.RecordRequest(requestId, method, response.ToByteArray());
                return new(response, await unit.CommitAsync(cancellation));
            }
            catch (StoreConflictException conflict)
            {
                if (attempt == MaxAttempts)
                    throw new GraphException(ErrorKind.Aborted, ErrorReasons.ConcurrentWrite,
                        $"{method} kept colliding with concurrent writes ({conflict.Message}); retry it.");
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellation);
            }
        }
    }

    /// <summary>Tells the store that the units of work that follow are a bulk import into <paramref name="collection"/>, until the result is disposed.</summary>
    public Task<IAsyncDisposable> BeginBulkImportAsync(string collection, CancellationToken cancellation) =>
        store.BeginBulkImportAsync(collection, cancellation);

    private static TResponse Replay<TResponse>(RecordedRequest recorded, string method, string requestId) where TResponse : IMessage<TResponse>, new()
    {
        if (recorded.Method != method)
            throw GraphException.InvalidArgument(ErrorReasons.RequestIdReused, "request_id",
                $"'{requestId}' was already used for {recorded.Method}; use a new request_id for {method}");
        var response = new TResponse();
        response.MergeFrom(recorded.Response);
        return response;
    }
}
