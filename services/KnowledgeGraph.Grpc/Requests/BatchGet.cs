using KnowledgeGraph.Domain.Errors;

namespace KnowledgeGraph.Grpc.Requests;

/// <summary>AIP-231 batch get: every name must exist (else NOT_FOUND), results follow the request's order.</summary>
public static class BatchGet
{
    public static async Task<IEnumerable<T>> InRequestOrderAsync<T>(
        IReadOnlyList<string> requested,
        Func<string, string, string> checkName,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<T>>> fetch,
        Func<T, string> nameOf,
        string resourceType,
        CancellationToken cancellationToken)
    {
        RequestChecks.BatchSize(requested.Count, "names");
        var names = requested.Select((name, i) => checkName(name, $"names[{i}]")).ToList();
        var found = (await fetch(names.Distinct().ToList(), cancellationToken)).ToDictionary(nameOf);
        return names.Select(name => found.GetValueOrDefault(name) ?? throw GraphException.NotFound(resourceType, name)).ToList();
    }
}
