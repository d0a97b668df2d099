using Grpc.Core;
using KnowledgeGraph.Grpc.Errors;

namespace KnowledgeGraph.FunctionalTests;

/// <summary>
/// A read of an import stream after the call ended (the 100,000-case fuzz run saw one: the client gave
/// up while a batch was being written) is the client's cancellation, not an error of the service,
/// which the gRPC server would log as a failure; while the call is live the same exception stays a bug.
/// </summary>
public sealed class CheckedRequestStreamTests
{
    [Fact]
    public async Task A_read_after_the_call_ended_is_cancelled()
    {
        using var ended = new CancellationTokenSource();
        await ended.CancelAsync();
        var stream = new CheckedRequestStream<int>(new CompletedRequest(), ended.Token);

        var error = await Assert.ThrowsAsync<RpcException>(() => stream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task The_same_failure_while_the_call_is_live_is_not_hidden()
    {
        var stream = new CheckedRequestStream<int>(new CompletedRequest(), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => stream.MoveNext(CancellationToken.None));
    }

    /// <summary>What grpc-dotnet's request reader throws once the request is complete.</summary>
    private sealed class CompletedRequest : IAsyncStreamReader<int>
    {
        public int Current => throw new InvalidOperationException("No current message.");

        public Task<bool> MoveNext(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Can't read messages after the request is complete.");
    }
}
