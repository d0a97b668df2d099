using Google.Protobuf;
using Grpc.Core;

namespace KnowledgeGraph.Grpc.Errors;

/// <summary>
/// A client stream whose malformed messages are the client's error: the gRPC server's reader throws
/// InvalidProtocolBufferException, InvalidDataException ("Incomplete message") or an INTERNAL or
/// RESOURCE_EXHAUSTED RpcException without details; each becomes the AIP-193 error of <see cref="RequestMessages"/>.
/// A client that resets the stream halfway cancelled the call (the reader throws an IOException, which
/// the gRPC server would log as a failure of the service and count as UNKNOWN); an IOException the
/// call's abort does not follow at once is a request body that could not be read as the client declared it
/// (Kestrel's BadHttpRequestException, for example a length prefix the body never fills), the client's error too.
/// A read after the call already ended (the client reset it or its deadline passed while a batch was
/// being written) finds the request complete: that is the same cancellation, not a failure of the service.
/// </summary>
public sealed class CheckedRequestStream<T>(IAsyncStreamReader<T> inner, CancellationToken callAborted) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        try { return await inner.MoveNext(cancellationToken); }
        catch (InvalidProtocolBufferException error) { throw RequestMessages.Malformed($"a message of the stream does not parse: {error.Message}"); }
        catch (InvalidDataException error) { throw RequestMessages.Malformed($"a message of the stream is malformed: {error.Message}"); }
        catch (RpcException error) when (error.StatusCode == StatusCode.ResourceExhausted) { throw RequestMessages.TooLarge(); }
        catch (RpcException error) when (error.StatusCode == StatusCode.Internal) { throw RequestMessages.Malformed($"a message of the stream is malformed: {error.Status.Detail}"); }
        catch (InvalidOperationException) when (callAborted.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, "The call ended before its request stream was read to the end."));
        }
        catch (IOException error)
        {
            // Kestrel fails the body first and signals the abort just after, on the thread pool.
            if (await AbortedSoonAsync()) throw new RpcException(new Status(StatusCode.Cancelled, "The client reset the request stream."));
            throw RequestMessages.Malformed($"the request stream could not be read: {error.Message}");
        }
    }

    private async Task<bool> AbortedSoonAsync()
    {
        try { await Task.Delay(TimeSpan.FromMilliseconds(200), callAborted); }
        catch (OperationCanceledException) { }
        return callAborted.IsCancellationRequested;
    }
}
