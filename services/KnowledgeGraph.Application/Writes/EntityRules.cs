using KnowledgeGraph.Application.Reads;
using KnowledgeGraph.Application.Requests;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Paging;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Application.Writes;

/// <summary>Entities: the graph's nodes. Deleting one with relationships needs force; a kind change must keep its relationships valid.</summary>
public sealed class EntityRules(GraphValidator validator) : ResourceRules<Entity>
{
    private static readonly string[] FilterFields = ["kind"];

    public override string TypeName => "Entity";
    public override string ResourceType => ResourceNames.EntityType;
    public override string Field => "entity";
    public override string Collection => ResourceNames.EntitiesCollection;

    public override FieldMaskMerger<Entity> Merger { get; } =
        new(["kind", "display_name", "aliases", "properties", "external_ids", "sources", "description"], "entity");

    public override string NameOf(Entity resource) => resource.Name;
    public override void SetName(Entity resource, string name) => resource.Name = name;
    public override string EtagOf(Entity resource) => resource.Etag;
    public override string NameOfId(string id) => ResourceNames.Entity(id);
    public override string CheckName(string? name, string field) => RequestChecks.EntityName(name, field);
    public override List<FieldViolation> Validate(Entity resource, string field) => validator.Validate(resource, field);

    public override Task<IReadOnlyDictionary<string, Entity>> ReadAsync(IUnitOfWork unit, IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        unit.GetEntitiesAsync(names, cancellationToken);

    public override void Insert(IUnitOfWork unit, Entity resource) => unit.Insert(resource);
    public override void Replace(IUnitOfWork unit, Entity resource) => unit.Replace(resource);

    public override async Task DeleteAsync(IUnitOfWork unit, Entity stored, bool force, CancellationToken cancellationToken)
    {
        var incidents = await unit.GetIncidentRelationshipsAsync(stored.Name, cancellationToken);
        if (incidents.Count > 0 && !force)
            throw GraphException.FailedPrecondition(ErrorReasons.HasRelationships,
                $"{stored.Name} has {incidents.Count} relationship(s), for example {incidents[0].Name}; delete them first, or delete with force to remove them too.",
                new ResourceRef(ResourceNames.EntityType, stored.Name));
        foreach (var incident in incidents) unit.DeleteRelationship(incident.Name);
        unit.DeleteEntity(stored.Name);
    }

    public override Task<IStoredGraphCheck<Entity>> StoredGraphCheckAsync(IUnitOfWork unit, IReadOnlyCollection<Entity> creates, CancellationToken cancellationToken) =>
        Task.FromResult<IStoredGraphCheck<Entity>>(new KindChangeCheck(unit, validator));

    public override Task<IReadOnlyList<Entity>> GetAsync(IGraphSnapshot snapshot, IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        snapshot.GetEntitiesAsync(names, cancellationToken);

    public override Task<IReadOnlyList<Entity>> ListAsync(IGraphSnapshot snapshot, string? filter, string? after, int limit, CancellationToken cancellationToken)
    {
        var kind = ListFilter.Parse(filter, FilterFields).GetValueOrDefault("kind");
        if (kind is not null && validator.Ontology.FindKind(kind) is null)
            throw GraphException.InvalidArgument(ErrorReasons.UnknownKind, "filter", $"unknown kind '{kind}'; known kinds: {string.Join(", ", validator.Ontology.KindNames)}");
        return snapshot.ListEntitiesAsync(new EntityListQuery(kind, after, limit), cancellationToken);
    }

    /// <summary>A kind change is refused when one of the entity's relationships would no longer fit its type.</summary>
    private sealed class KindChangeCheck(IUnitOfWork unit, GraphValidator validator) : IStoredGraphCheck<Entity>
    {
        private readonly Dictionary<string, string> _kindsWritten = new(StringComparer.Ordinal);

        public async Task<GraphException?> CheckAsync(Entity incoming, Entity? stored, CancellationToken cancellationToken)
        {
            if (stored is null || stored.Kind == incoming.Kind) return null;
            var incidents = await unit.GetIncidentRelationshipsAsync(incoming.Name, cancellationToken);
            return StoredGraphRules.KindChangeConflict(validator.Ontology, incoming.Name, incoming.Kind, incidents, _kindsWritten.GetValueOrDefault);
        }

        public void Accepted(Entity written) => _kindsWritten[written.Name] = written.Kind;
    }
}
