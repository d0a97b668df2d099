using System.Collections.Immutable;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Store.Reference;

/// <summary>
/// Everything the reference store holds, as one immutable value: a commit builds the next state and
/// the store swaps it in, so a snapshot is just the state it was opened on. Resources are stored as
/// private copies and handed out as copies, so no caller can change them in place.
/// </summary>
internal sealed record GraphState(
    ImmutableSortedDictionary<string, Entity> Entities,
    ImmutableSortedDictionary<string, Relationship> Relationships,
    ImmutableDictionary<string, (RecordedRequest Request, DateTimeOffset Time)> Requests,
    ImmutableList<(string Name, DateTimeOffset Time)> Changes,
    long Floor)
{
    public static GraphState Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, Entity>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Relationship>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, (RecordedRequest, DateTimeOffset)>(StringComparer.Ordinal),
        [],
        0);

    /// <summary>The change feed's head: the position of the last change, 0 before the first. Change i (from 1) is <c>Changes[i - 1]</c>.</summary>
    public long Head => Changes.Count;

    /// <summary>
    /// Retention: the changes committed before <paramref name="changesBefore"/> (a prefix, never the last
    /// change) leave the feed, whose floor rises past them; requests first seen before
    /// <paramref name="requestsBefore"/> are forgotten.
    /// </summary>
    public GraphState Pruned(DateTimeOffset changesBefore, DateTimeOffset requestsBefore)
    {
        var floor = Floor;
        while (floor < Head - 1 && Changes[(int)floor].Time < changesBefore) floor++;
        return this with { Floor = floor, Requests = Requests.RemoveRange(Requests.Where(r => r.Value.Time < requestsBefore).Select(r => r.Key)) };
    }

    /// <summary>The existing entities among <paramref name="names"/>, in name order.</summary>
    public IReadOnlyList<Entity> FindEntities(IEnumerable<string> names) => Find(Entities, names);

    public IReadOnlyList<Relationship> FindRelationships(IEnumerable<string> names) => Find(Relationships, names);

    /// <summary>The relationships that start or end at <paramref name="entityName"/>, in name order, with both endpoints' kinds.</summary>
    public IReadOnlyList<IncidentRelationship> Incidents(string entityName) =>
        [.. Relationships.Values
            .Where(r => r.Source == entityName || r.Target == entityName)
            .Select(r => new IncidentRelationship(r.Name, r.Type, r.Source, r.Target, Entities[r.Source].Kind, Entities[r.Target].Kind))];

    private static List<T> Find<T>(ImmutableSortedDictionary<string, T> resources, IEnumerable<string> names) where T : Google.Protobuf.IDeepCloneable<T> =>
        [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(resources.ContainsKey)
            .Select(name => resources[name].Clone())];
}
