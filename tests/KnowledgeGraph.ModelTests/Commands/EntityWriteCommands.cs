using System.Text.Json.Nodes;
using KnowledgeGraph.Application.Writes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.ModelTests.Commands;

/// <summary>CreateEntity; a null spec sends no entity at all.</summary>
public sealed record CreateEntity(string Id, EntitySpec? Spec, string RequestId, bool ValidateOnly, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system) =>
        system.Answer(await system.EntityWrites.CreateAsync(new CreateCommand<Entity>(Id, Spec?.Build(""), RequestId, ValidateOnly), system.Call(Consistency)));
}

/// <summary>UpdateEntity with the spec's body (a null spec: the entity as this system last read it), cut to <see cref="Fields"/>.</summary>
public sealed record UpdateEntity(string Id, EntitySpec? Spec, Items<string>? Fields, Items<string>? Mask, bool AllowMissing, EtagChoice Etag, string RequestId, bool ValidateOnly, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system)
    {
        var name = ResourceNames.Entity(Id);
        var patch = Patches.Only(Spec?.Build(name) ?? system.Memory.Entities.GetValueOrDefault(name)?.Clone() ?? new Entity { Name = name }, Fields);
        patch.Etag = system.Memory.Etag(name, Etag);
        return system.Answer(await system.EntityWrites.UpdateAsync(new UpdateCommand<Entity>(patch, Patches.Mask(Mask), AllowMissing, RequestId, ValidateOnly), system.Call(Consistency)));
    }
}

public sealed record DeleteEntity(string Id, EtagChoice Etag, bool Force, string RequestId, bool ValidateOnly, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system)
    {
        var name = ResourceNames.Entity(Id);
        return system.Answer(await system.EntityWrites.DeleteAsync(new DeleteCommand(name, system.Memory.Etag(name, Etag), Force, RequestId, ValidateOnly), system.Call(Consistency)));
    }
}

/// <summary>One row of an entity import: a spec, or (null) the entity as this system last read it.</summary>
public sealed record ImportedEntity(string Id, EntitySpec? Spec)
{
    public Entity Build(GraphSystem system)
    {
        var name = ResourceNames.Entity(Id);
        return Spec?.Build(name) ?? system.Memory.Entities.GetValueOrDefault(name)?.Clone() ?? new Entity { Name = name };
    }

    public override string ToString() => $"{Id}: {Spec?.ToString() ?? "as stored"}";
}

public sealed record ImportEntities(Items<Items<ImportedEntity>> Batches, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system) =>
        system.Answer(await system.EntityWrites.ImportAsync(
            Patches.Stream(Batches.Values.Select(batch => (IList<Entity>)[.. batch.Values.Select(row => row.Build(system))])),
            system.Call(Consistency)));
}
