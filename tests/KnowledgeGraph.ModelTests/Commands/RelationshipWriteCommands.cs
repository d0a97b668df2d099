using System.Text.Json.Nodes;
using KnowledgeGraph.Application.Writes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.ModelTests.Commands;

/// <summary>CreateRelationship; a null spec sends no relationship at all.</summary>
public sealed record CreateRelationship(string Id, RelationshipSpec? Spec, string RequestId, bool ValidateOnly, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system) =>
        system.Answer(await system.RelationshipWrites.CreateAsync(new CreateCommand<Relationship>(Id, Spec?.Build(""), RequestId, ValidateOnly), system.Call(Consistency)));
}

/// <summary>UpdateRelationship with the spec's body (a null spec: the relationship as this system last read it), cut to <see cref="Fields"/>.</summary>
public sealed record UpdateRelationship(string Id, RelationshipSpec? Spec, Items<string>? Fields, Items<string>? Mask, bool AllowMissing, EtagChoice Etag, string RequestId, bool ValidateOnly, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system)
    {
        var name = ResourceNames.Relationship(Id);
        var patch = Patches.Only(Spec?.Build(name) ?? system.Memory.Relationships.GetValueOrDefault(name)?.Clone() ?? new Relationship { Name = name }, Fields);
        patch.Etag = system.Memory.Etag(name, Etag);
        return system.Answer(await system.RelationshipWrites.UpdateAsync(new UpdateCommand<Relationship>(patch, Patches.Mask(Mask), AllowMissing, RequestId, ValidateOnly), system.Call(Consistency)));
    }
}

public sealed record DeleteRelationship(string Id, EtagChoice Etag, string RequestId, bool ValidateOnly, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system)
    {
        var name = ResourceNames.Relationship(Id);
        return system.Answer(await system.RelationshipWrites.DeleteAsync(new DeleteCommand(name, system.Memory.Etag(name, Etag), false, RequestId, ValidateOnly), system.Call(Consistency)));
    }
}

/// <summary>One row of a relationship import: a spec, or (null) the relationship as this system last read it.</summary>
public sealed record ImportedRelationship(string Id, RelationshipSpec? Spec)
{
    public Relationship Build(GraphSystem system)
    {
        var name = ResourceNames.Relationship(Id);
        return Spec?.Build(name) ?? system.Memory.Relationships.GetValueOrDefault(name)?.Clone() ?? new Relationship { Name = name };
    }

    public override string ToString() => $"{Id}: {Spec?.ToString() ?? "as stored"}";
}

public sealed record ImportRelationships(Items<Items<ImportedRelationship>> Batches, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system) =>
        system.Answer(await system.RelationshipWrites.ImportAsync(
            Patches.Stream(Batches.Values.Select(batch => (IList<Relationship>)[.. batch.Values.Select(row => row.Build(system))])),
            system.Call(Consistency)));
}
