using Grpc.Core;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    private static async Task SeedTriangleAsync(IGraphStore store)
    {
        await store.CreateEntityAsync(Country("russia", "Russia"), null, None);
        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);
        await store.CreateEntityAsync(Country("china", "China"), null, None);
        await store.CreateRelationshipAsync(Supplies("a-russia-japan", "russia", "japan", 0.09), null, None);
        await store.CreateRelationshipAsync(Supplies("b-china-japan", "china", "japan", 0.6), null, None);
        await store.CreateRelationshipAsync(Relationship("c-japan-sanctions-russia", "SANCTIONS", "japan", "russia"), null, None);
    }

    [SkippableFact]
    public async Task Create_then_get_a_relationship()
    {
        var store = await StoreAsync();
        await SeedTriangleAsync(store);
        var supplies = Supplies("russia-japan-lng", "russia", "japan", 0.09, "lng")
            .ValidBetween(new DateTimeOffset(2009, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2033, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var created = await store.CreateRelationshipAsync(supplies, null, None);

        Assert.False(string.IsNullOrEmpty(created.Value.Etag));
        Assert.NotNull(created.Value.CreateTime);
        var read = await store.GetRelationshipAsync(R("russia-japan-lng"), None);
        Assert.Equal(created.Value, read);
        Assert.Equal(supplies.ValidFrom, read!.ValidFrom);
        Assert.Equal(supplies.ValidTo, read.ValidTo);
        Assert.Equal(0.09, read.Properties["share"].NumberValue);
        Assert.Null(await store.GetRelationshipAsync(R("missing"), None));
        var batch = await store.GetRelationshipsAsync([R("russia-japan-lng"), R("missing"), R("a-russia-japan")], None);
        Assert.Equal([R("a-russia-japan"), R("russia-japan-lng")], batch.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_relationship_to_a_missing_entity_fails_its_precondition_and_names_the_entity()
    {
        var store = await StoreAsync();
        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);

        var error = await AssertFails(StatusCode.FailedPrecondition, ErrorReasons.EndpointNotFound,
            () => store.CreateRelationshipAsync(Supplies("russia-japan", "russia", "japan", 0.5), null, None));

        Assert.Equal(new ResourceRef(ResourceNames.EntityType, E("russia")), error.Resource);
        Assert.Null(await store.GetRelationshipAsync(R("russia-japan"), None));
    }

    [SkippableFact]
    public async Task A_relationship_between_kinds_its_type_does_not_allow_is_invalid()
    {
        var store = await StoreAsync();
        await store.CreateEntityAsync(Country("russia", "Russia"), null, None);
        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);

        // LOCATED_IN starts from a Project, Company, Organization or Event, never a Country.
        await AssertFails(StatusCode.InvalidArgument, ErrorReasons.WrongEndpointKind,
            () => store.CreateRelationshipAsync(LocatedIn("japan-in-russia", "japan", "russia"), null, None));

        Assert.Null(await store.GetRelationshipAsync(R("japan-in-russia"), None));
    }

    [SkippableFact]
    public async Task Creating_an_existing_relationship_is_already_exists()
    {
        var store = await StoreAsync();
        await SeedTriangleAsync(store);

        await AssertFails(StatusCode.AlreadyExists, ErrorReasons.AlreadyExists,
            () => store.CreateRelationshipAsync(Supplies("a-russia-japan", "russia", "japan", 0.5), null, None));
    }

    [SkippableFact]
    public async Task List_relationships_filters_by_type_endpoint_and_direction_in_name_order()
    {
        var store = await StoreAsync();
        await SeedTriangleAsync(store);

        async Task<string[]> List(string? type = null, string? source = null, string? target = null, string? entity = null, Direction direction = Direction.Unspecified, string? after = null, int limit = 10) =>
            [.. (await store.ListRelationshipsAsync(new RelationshipListQuery(type, source, target, entity, direction, after, limit), None)).Select(r => r.Name)];

        Assert.Equal([R("a-russia-japan"), R("b-china-japan"), R("c-japan-sanctions-russia")], await List());
        Assert.Equal([R("a-russia-japan"), R("b-china-japan")], await List(type: "SUPPLIES"));
        Assert.Equal([R("b-china-japan")], await List(source: E("china")));
        Assert.Equal([R("c-japan-sanctions-russia")], await List(target: E("russia")));
        Assert.Equal([R("c-japan-sanctions-russia")], await List(entity: E("japan"), direction: Direction.Outgoing));
        Assert.Equal([R("a-russia-japan"), R("b-china-japan")], await List(entity: E("japan"), direction: Direction.Incoming));
        Assert.Equal([R("a-russia-japan"), R("b-china-japan"), R("c-japan-sanctions-russia")], await List(entity: E("japan"), direction: Direction.Both));
        Assert.Equal([R("a-russia-japan"), R("c-japan-sanctions-russia")], await List(entity: E("russia")));
        Assert.Equal([R("b-china-japan")], await List(after: R("a-russia-japan"), limit: 1));
        Assert.Equal([R("b-china-japan")], await List(type: "SUPPLIES", entity: E("japan"), direction: Direction.Incoming, after: R("a-russia-japan")));
    }

    [SkippableFact]
    public async Task Update_a_relationship_with_etag_keeps_its_endpoints_fixed()
    {
        var store = await StoreAsync();
        await SeedTriangleAsync(store);
        var stored = (await store.GetRelationshipAsync(R("a-russia-japan"), None))!;

        var updated = await store.UpdateRelationshipAsync(Supplies("a-russia-japan", "russia", "japan", 0.1), stored.Etag, false, null, None);

        Assert.NotEqual(stored.Etag, updated.Value.Etag);
        Assert.Equal(stored.CreateTime, updated.Value.CreateTime);
        Assert.Equal(0.1, (await store.GetRelationshipAsync(R("a-russia-japan"), None))!.Properties["share"].NumberValue);
        await AssertFails(StatusCode.Aborted, ErrorReasons.EtagMismatch,
            () => store.UpdateRelationshipAsync(Supplies("a-russia-japan", "russia", "japan", 0.2), stored.Etag, false, null, None));
        await AssertFails(StatusCode.InvalidArgument, ErrorReasons.ImmutableField,
            () => store.UpdateRelationshipAsync(Supplies("a-russia-japan", "china", "japan", 0.2), null, false, null, None));
        await AssertFails(StatusCode.NotFound, ErrorReasons.NotFound,
            () => store.UpdateRelationshipAsync(Supplies("missing", "china", "japan", 0.2), null, false, null, None));
        await AssertFails(StatusCode.FailedPrecondition, ErrorReasons.EndpointNotFound,
            () => store.UpdateRelationshipAsync(Supplies("new", "korea", "japan", 0.2), null, true, null, None));
        var created = await store.UpdateRelationshipAsync(Supplies("new", "china", "russia", 0.2), null, true, null, None);
        Assert.Equal(created.Value, await store.GetRelationshipAsync(R("new"), None));
    }

    [SkippableFact]
    public async Task Delete_a_relationship_checks_existence_and_etag()
    {
        var store = await StoreAsync();
        await SeedTriangleAsync(store);
        var stored = (await store.GetRelationshipAsync(R("a-russia-japan"), None))!;
        await store.UpdateRelationshipAsync(Supplies("a-russia-japan", "russia", "japan", 0.1), null, false, null, None);

        await AssertFails(StatusCode.Aborted, ErrorReasons.EtagMismatch, () => store.DeleteRelationshipAsync(R("a-russia-japan"), stored.Etag, null, None));
        await AssertFails(StatusCode.NotFound, ErrorReasons.NotFound, () => store.DeleteRelationshipAsync(R("missing"), null, null, None));

        var deleted = await store.DeleteRelationshipAsync(R("a-russia-japan"), null, null, None);

        Assert.Equal(R("a-russia-japan"), deleted.Value.Name);
        Assert.Null(await store.GetRelationshipAsync(R("a-russia-japan"), None));
        Assert.NotNull(await store.GetEntityAsync(E("russia"), None));
    }
}
