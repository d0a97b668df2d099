using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>
/// One test's small graph, built through the Entity and Relationship services. Every id is the
/// test's own short id prefixed with a tag unique to the graph, so tests sharing the running
/// services never see each other's data, and relationship names (which order paths and routes)
/// sort the same way as the short ids the test chose.
/// </summary>
public sealed class QueryGraph(KnowledgeGraphServices services)
{
    public string Tag { get; } = TestGraph.UniqueId("q");

    public QueryService.QueryServiceClient Queries => services.Queries;

    public string Entity(string id) => $"entities/{Tag}-{id}";

    public string RelationshipName(string id) => $"relationships/{Tag}-{id}";

    public async Task<Entity> AddAsync(string kind, params string[] ids)
    {
        Entity? last = null;
        foreach (var id in ids)
            last = await services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = $"{Tag}-{id}", Entity = TestGraph.Entity(kind, $"{id} {Tag}") });
        return last ?? throw new ArgumentException("at least one id", nameof(ids));
    }

    /// <summary>Creates relationship <paramref name="id"/> of <paramref name="type"/> between two short ids, with one source quoting it.</summary>
    public async Task<Relationship> LinkAsync(
        string id, string type, string source, string target,
        double? share = null, string? commodity = null, Timestamp? validFrom = null, Timestamp? validTo = null)
    {
        var relationship = TestGraph.Relationship(type, Entity(source), Entity(target), share, commodity is null ? null : Entity(commodity));
        relationship.ValidFrom = validFrom;
        relationship.ValidTo = validTo;
        relationship.Sources.Add(new Source { Document = "functional-tests", Quote = $"{source} {type} {target}.", ReportedBy = "query tests", Confidence = 0.8 });
        return await services.Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = $"{Tag}-{id}", Relationship = relationship });
    }

    /// <summary>The short ids of the entities a path visits, its start first.</summary>
    public IReadOnlyList<string> Visits(GraphPath path) => [Short(path.Start.Name), .. path.Hops.Select(h => Short(h.Entity.Name))];

    /// <summary>The short ids of the relationships a path follows.</summary>
    public IReadOnlyList<string> Follows(GraphPath path) => [.. path.Hops.Select(h => ShortRelationship(h.Relationship.Name))];

    public string Short(string entityName) => Strip(entityName, $"entities/{Tag}-");

    public string ShortRelationship(string relationshipName) => Strip(relationshipName, $"relationships/{Tag}-");

    /// <summary>(short id, exposure) for every dependency of a trace, in response order.</summary>
    public IReadOnlyList<(string Entity, double Exposure)> Exposures(TraceDependenciesResponse response) =>
        [.. response.Dependencies.Select(d => (Short(d.Entity.Name), d.Exposure))];

    private static string Strip(string name, string prefix)
    {
        Assert.StartsWith(prefix, name);
        return name[prefix.Length..];
    }
}
