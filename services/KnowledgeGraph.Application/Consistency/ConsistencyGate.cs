using KnowledgeGraph.Protocol;
using KnowledgeGraph.Store;

namespace KnowledgeGraph.Application.Consistency;

/// <summary>
/// Turns the consistency token a call carries into the <see cref="ReadConsistency"/> its reads must
/// carry: it waits (at most <see cref="Limits.MaxConsistencyWait"/>, and never past the call's
/// deadline) until the store has the write behind the token.
/// </summary>
public sealed class ConsistencyGate(IGraphStore store, TimeProvider time)
{
    public async Task<ReadConsistency> ResolveAsync(CallContext call)
    {
        if (string.IsNullOrEmpty(call.ConsistencyToken)) return ReadConsistency.None;
        var maxWait = Limits.MaxConsistencyWait;
        if (call.Deadline is { } deadline && deadline - time.GetUtcNow() < maxWait) maxWait = deadline - time.GetUtcNow();
        return await store.WaitForAsync(call.ConsistencyToken, maxWait < TimeSpan.Zero ? TimeSpan.Zero : maxWait, call.Cancellation);
    }
}
