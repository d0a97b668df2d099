using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>
/// The small graph the fuzz cases start from, written through the public API: entities and
/// relationships whose ids the generators use, so that hostile updates, deletes and queries find
/// something to act on. Returns page tokens the services issued for it.
/// </summary>
public static class FuzzGraph
{
    public static async Task<PageTokens> SeedAsync(KnowledgeGraphServices services)
    {
        var entities = services.Entities;
        await Create(entities, "japan", TestGraph.Entity("Country", "Japan", "Nippon"));
        await Create(entities, "australia", TestGraph.Entity("Country", "Australia"));
        await Create(entities, "russia", TestGraph.Entity("Country", "Russia"));
        await Create(entities, "lng", TestGraph.Entity("Commodity", "Liquefied natural gas", "LNG"));
        await Create(entities, "sakhalin-2", TestGraph.Entity("Project", "Sakhalin-2"));
        await Create(entities, "jera", TestGraph.Entity("Company", "JERA"));

        var relationships = services.Relationships;
        await Create(relationships, "r-supplies", TestGraph.Relationship("SUPPLIES", "entities/sakhalin-2", "entities/japan", share: 0.09, commodity: "entities/lng"));
        await Create(relationships, "r-located", TestGraph.Relationship("LOCATED_IN", "entities/sakhalin-2", "entities/russia"));
        await Create(relationships, "r-depends", TestGraph.Relationship("DEPENDS_ON", "entities/jera", "entities/lng", share: 0.5));
        await Create(relationships, "r-extracts", TestGraph.Relationship("EXTRACTS", "entities/australia", "entities/lng", share: 0.4));

        var issued = new List<string>
        {
            (await entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 1 })).NextPageToken,
            (await entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 1, Filter = "kind = \"Country\"" })).NextPageToken,
            (await relationships.ListRelationshipsAsync(new ListRelationshipsRequest { PageSize = 1 })).NextPageToken,
            (await relationships.ListRelationshipsAsync(new ListRelationshipsRequest { PageSize = 1, Filter = "entity = \"entities/sakhalin-2\"" })).NextPageToken,
        };
        return new PageTokens(issued.Where(t => t.Length > 0));
    }

    private static async Task Create(EntityService.EntityServiceClient client, string id, Entity entity) =>
        await client.CreateEntityAsync(new CreateEntityRequest { EntityId = id, Entity = entity });

    private static async Task Create(RelationshipService.RelationshipServiceClient client, string id, Relationship relationship) =>
        await client.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = id, Relationship = relationship });
}
