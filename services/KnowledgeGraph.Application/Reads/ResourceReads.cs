using Google.Protobuf;
using KnowledgeGraph.Application.Consistency;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Application.Requests;
using KnowledgeGraph.Application.Writes;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Paging;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.Store;

namespace KnowledgeGraph.Application.Reads;

/// <summary>Get, batch get and list of one kind of resource, each from one snapshot of the store.</summary>
public sealed class ResourceReads<T>(ResourceRules<T> rules, IGraphStore store, ConsistencyGate gate) where T : class, IMessage<T>, new()
{
    public async Task<T> GetAsync(string name, CallContext call)
    {
        name = rules.CheckName(name, "name");
        await using var snapshot = await OpenAsync(call);
        return (await rules.GetAsync(snapshot, [name], call.Cancellation)).FirstOrDefault()
            ?? throw GraphException.NotFound(rules.ResourceType, name);
    }

    /// <summary>AIP-231: every name must exist (else NOT_FOUND); results follow the request's order.</summary>
    public async Task<IReadOnlyList<T>> BatchGetAsync(IReadOnlyList<string> requested, CallContext call)
    {
        RequestChecks.BatchSize(requested.Count, "names");
        var names = requested.Select((name, i) => rules.CheckName(name, $"names[{i}]")).ToList();
        await using var snapshot = await OpenAsync(call);
        var found = (await rules.GetAsync(snapshot, names.Distinct().ToList(), call.Cancellation)).ToDictionary(rules.NameOf);
        var results = names.Select(name => found.GetValueOrDefault(name) ?? throw GraphException.NotFound(rules.ResourceType, name)).ToList();
        // All or nothing (AIP-231), so an answer that cannot fit one message is refused, not cut.
        if (new AnswerSize().Fit(results, r => r.CalculateSize()).Count < results.Count)
            throw GraphException.MessageTooLarge(
                $"The {results.Count} {rules.Collection} asked for do not fit the limit of {Limits.MaxMessageBytes} bytes per message; ask for fewer at a time.", "names", Limits.MaxMessageBytes);
        return results;
    }

    /// <summary>AIP-132 and AIP-158: a page in name order and the token of the next page (empty on the last).</summary>
    public async Task<(IReadOnlyList<T> Items, string NextPageToken)> ListAsync(int pageSize, string pageToken, string filter, CallContext call)
    {
        var size = PageSize.Resolve(pageSize);
        var after = PageToken.Decode(pageToken, rules.Collection, filter);
        await using var snapshot = await OpenAsync(call);
        var fetched = await rules.ListAsync(snapshot, filter, after, size + 1, call.Cancellation);
        // A page stops short of the message limit (AIP-158 allows fewer than page_size); the token goes on from there.
        var answer = new AnswerSize();
        var items = answer.Fit(fetched.Take(size), item => item.CalculateSize());
        if (!answer.Cut && fetched.Count <= size) return (fetched, "");
        return (items, PageToken.Encode(rules.NameOf(items[^1]), rules.Collection, filter));
    }

    private async Task<IGraphSnapshot> OpenAsync(CallContext call) =>
        await store.OpenSnapshotAsync(await gate.ResolveAsync(call), call.Cancellation);
}
