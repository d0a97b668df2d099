using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;

namespace KnowledgeGraph.Store.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Runs a trivial read with the token's bookmarks: Neo4j answers once it has applied those writes.
    /// The bookmarks then travel with this call's later reads (same async flow), so whichever cluster
    /// member answers them has the write too.
    /// </summary>
    public async Task WaitForAsync(string consistencyToken, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var bookmarks = ConsistencyTokens.Parse(consistencyToken);
        if (bookmarks.Count == 0) return;
        using var telemetry = StoreTelemetry.Start(Store, "WaitFor");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(maxWait);
        try
        {
            await _transport.RunAsync(ServiceStatements.Ping.Bind(), bookmarks, readOnly: true, deadline.Token);
            _awaited.Value = bookmarks;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            telemetry.Fail(new TimeoutException());
            throw Timeout(maxWait);
        }
        catch (Neo4jServerException e) when (e.Code == Neo4jErrors.BookmarkTimeout)
        {
            telemetry.Fail(e);
            throw Timeout(maxWait);
        }
        catch (Neo4jServerException e) when (e.Code is Neo4jErrors.InvalidBookmark or Neo4jErrors.InvalidBookmarkMixture)
        {
            telemetry.Fail(e);
            throw GraphException.InvalidArgument(ErrorReasons.InvalidConsistencyToken, "consistency_token", $"Neo4j does not accept its bookmarks: {e.ServerMessage}");
        }
        catch (Exception e) when (e is not GraphException)
        {
            telemetry.Fail(e);
            var mapped = Neo4jErrors.Map(e, Location);
            if (ReferenceEquals(mapped, e)) throw;
            throw mapped;
        }
    }

    private static GraphException Timeout(TimeSpan maxWait) =>
        new(Grpc.Core.StatusCode.Unavailable, ErrorReasons.ConsistencyTimeout,
            $"Neo4j has not caught up with the write behind the consistency token within {maxWait.TotalSeconds:0.#} s; retry the read.");
}
