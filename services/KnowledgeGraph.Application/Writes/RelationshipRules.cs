using KnowledgeGraph.Application.Reads;
using KnowledgeGraph.Application.Requests;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Application.Writes;

/// <summary>Relationships: the graph's edges. Their type and endpoints are fixed at creation; both endpoints must exist with kinds the type allows.</summary>
public sealed class RelationshipRules(GraphValidator validator) : ResourceRules<Relationship>
{
    public override string TypeName => "Relationship";
    public override string ResourceType => ResourceNames.RelationshipType;
    public override string Field => "relationship";
    public override string Collection => ResourceNames.RelationshipsCollection;

    public override FieldMaskMerger<Relationship> Merger { get; } = new(["properties", "valid_from", "valid_to", "sources"], "relationship");

    public override string NameOf(Relationship resource) => resource.Name;
    public override void SetName(Relationship resource, string name) => resource.Name = name;
    public override string EtagOf(Relationship resource) => resource.Etag;
    public override string NameOfId(string id) => ResourceNames.Relationship(id);
    public override string CheckName(string? name, string field) => RequestChecks.RelationshipName(name, field);
    public override List<FieldViolation> Validate(Relationship resource, string field) => validator.Validate(resource, field);
    public override GraphException? ImmutableChange(Relationship stored, Relationship incoming) => StoredGraphRules.ImmutableChange(stored, incoming);

    public override Task<IReadOnlyDictionary<string, Relationship>> ReadAsync(IUnitOfWork unit, IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        unit.GetRelationshipsAsync(names, cancellationToken);

    public override void Insert(IUnitOfWork unit, Relationship resource) => unit.Insert(resource);
    public override void Replace(IUnitOfWork unit, Relationship resource) => unit.Replace(resource);

    public override Task DeleteAsync(IUnitOfWork unit, Relationship stored, bool force, CancellationToken cancellationToken)
    {
        unit.DeleteRelationship(stored.Name);
        return Task.CompletedTask;
    }

    public override async Task<IStoredGraphCheck<Relationship>> StoredGraphCheckAsync(IUnitOfWork unit, IReadOnlyCollection<Relationship> creates, CancellationToken cancellationToken)
    {
        var endpoints = creates.SelectMany(r => new[] { r.Source, r.Target }).Distinct(StringComparer.Ordinal).ToList();
        var kinds = endpoints.Count == 0 ? new Dictionary<string, string>() : await unit.GetEntityKindsAsync(endpoints, cancellationToken);
        return new EndpointCheck(kinds, validator);
    }

    public override Task<IReadOnlyList<Relationship>> GetAsync(IGraphSnapshot snapshot, IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        snapshot.GetRelationshipsAsync(names, cancellationToken);

    public override Task<IReadOnlyList<Relationship>> ListAsync(IGraphSnapshot snapshot, string? filter, string? after, int limit, CancellationToken cancellationToken) =>
        snapshot.ListRelationshipsAsync(RelationshipFilter.Parse(filter, validator.Ontology, after, limit), cancellationToken);

    /// <summary>A new relationship's endpoints exist (FAILED_PRECONDITION) and have kinds its type allows (INVALID_ARGUMENT).</summary>
    private sealed class EndpointCheck(IReadOnlyDictionary<string, string> endpointKinds, GraphValidator validator) : IStoredGraphCheck<Relationship>
    {
        public Task<GraphException?> CheckAsync(Relationship incoming, Relationship? stored, CancellationToken cancellationToken) =>
            Task.FromResult(stored is null ? Check(incoming) : null);

        public void Accepted(Relationship written)
        {
        }

        private GraphException? Check(Relationship relationship)
        {
            foreach (var (field, name) in new[] { ("source", relationship.Source), ("target", relationship.Target) })
                if (!endpointKinds.ContainsKey(name))
                    return GraphException.FailedPrecondition(ErrorReasons.EndpointNotFound,
                        $"relationship.{field}: entity '{name}' does not exist; create it before relating it.",
                        new ResourceRef(ResourceNames.EntityType, name));
            return validator.EndpointKindViolation(relationship, endpointKinds[relationship.Source], endpointKinds[relationship.Target]);
        }
    }
}
