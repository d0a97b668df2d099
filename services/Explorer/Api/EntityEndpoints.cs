using KnowledgeGraph.V1;

namespace Explorer.Api;

/// <summary>Finding an entity and reading its card: search, the entity itself, its relationships.</summary>
public static class EntityEndpoints
{
    public static async Task<IResult> SearchAsync(string? query, QueryService.QueryServiceClient queries, CancellationToken cancellationToken) =>
        ProtoJson.Ok(await queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = query ?? "" }, cancellationToken: cancellationToken));

    public static async Task<IResult> GetAsync(string? name, EntityService.EntityServiceClient entities, CancellationToken cancellationToken) =>
        ProtoJson.Ok(await entities.GetEntityAsync(new GetEntityRequest { Name = name ?? "" }, cancellationToken: cancellationToken));

    /// <summary>The first page of relationships touching the entity, either way.</summary>
    public static async Task<IResult> RelationshipsAsync(string? name, RelationshipService.RelationshipServiceClient relationships, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name) || name.IndexOfAny(['"', '\\']) >= 0)
            throw new BadQueryException($"name: '{name}' is not an entity name (entities/{{id}}).");
        return ProtoJson.Ok(await relationships.ListRelationshipsAsync(
            new ListRelationshipsRequest { Filter = $"entity = \"{name}\"" }, cancellationToken: cancellationToken));
    }
}
