using KnowledgeGraph.Domain.Paging;

namespace KnowledgeGraph.Grpc.Requests;

/// <summary>One page of a List method: fetch one more than asked to know whether a next page exists.</summary>
public static class Listing
{
    public static (IReadOnlyList<T> Items, string NextPageToken) Page<T>(IReadOnlyList<T> fetched, int pageSize, string? filter, Func<T, string> nameOf)
    {
        if (fetched.Count <= pageSize) return (fetched, "");
        var items = fetched.Take(pageSize).ToList();
        return (items, PageToken.Encode(nameOf(items[^1]), filter));
    }
}
