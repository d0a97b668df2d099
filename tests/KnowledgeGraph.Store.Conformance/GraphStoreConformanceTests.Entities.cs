using Grpc.Core;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task Create_then_get_returns_the_entity_with_etag_and_times()
    {
        var store = await StoreAsync();
        var japan = Country("japan", "Japan", "Nippon");

        var created = await store.CreateEntityAsync(japan, null, None);

        Assert.False(string.IsNullOrEmpty(created.Value.Etag));
        Assert.NotNull(created.Value.CreateTime);
        Assert.Equal(created.Value.CreateTime, created.Value.UpdateTime);
        Assert.False(string.IsNullOrEmpty(created.ConsistencyToken));
        var read = await store.GetEntityAsync(E("japan"), None);
        Assert.NotNull(read);
        Assert.Equal(created.Value, read);
        Assert.Equal("Japan", read.DisplayName);
        Assert.Equal(["Nippon"], read.Aliases);
        Assert.Null(await store.GetEntityAsync(E("korea"), None));
    }

    [SkippableFact]
    public async Task Batch_get_returns_only_the_entities_that_exist()
    {
        var store = await StoreAsync();
        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);
        await store.CreateEntityAsync(Country("china", "China"), null, None);

        var found = await store.GetEntitiesAsync([E("japan"), E("missing"), E("china"), E("japan")], None);

        Assert.Equal([E("china"), E("japan")], found.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task List_pages_in_name_order_and_filters_by_kind()
    {
        var store = await StoreAsync();
        foreach (var id in new[] { "e-country", "a-country", "c-country" })
            await store.CreateEntityAsync(Country(id, id), null, None);
        foreach (var id in new[] { "d-company", "b-company" })
            await store.CreateEntityAsync(Company(id, id), null, None);

        var first = await store.ListEntitiesAsync(new EntityListQuery(null, null, 2), None);
        var second = await store.ListEntitiesAsync(new EntityListQuery(null, first[^1].Name, 2), None);
        var third = await store.ListEntitiesAsync(new EntityListQuery(null, second[^1].Name, 2), None);
        var countries = await store.ListEntitiesAsync(new EntityListQuery("Country", E("a-country"), 10), None);

        Assert.Equal([E("a-country"), E("b-company")], first.Select(e => e.Name));
        Assert.Equal([E("c-country"), E("d-company")], second.Select(e => e.Name));
        Assert.Equal([E("e-country")], third.Select(e => e.Name));
        Assert.Equal([E("c-country"), E("e-country")], countries.Select(e => e.Name));
    }

    [SkippableFact]
    public async Task Update_replaces_the_entity_keeps_its_create_time_and_changes_its_etag()
    {
        var store = await StoreAsync();
        var created = (await store.CreateEntityAsync(Country("japan", "Japan", "Nippon"), null, None)).Value;
        await Task.Delay(5);
        var replacement = Country("japan", "Japan (State of)");

        var updated = (await store.UpdateEntityAsync(replacement, created.Etag, false, null, None)).Value;

        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(created.CreateTime, updated.CreateTime);
        Assert.True(updated.UpdateTime.CompareTo(created.UpdateTime) >= 0);
        var read = await store.GetEntityAsync(E("japan"), None);
        Assert.Equal("Japan (State of)", read!.DisplayName);
        Assert.Empty(read.Aliases);
        Assert.Equal(updated.Etag, read.Etag);
    }

    [SkippableFact]
    public async Task Update_with_a_stale_etag_is_aborted_and_changes_nothing()
    {
        var store = await StoreAsync();
        var created = (await store.CreateEntityAsync(Country("japan", "Japan"), null, None)).Value;
        var current = (await store.UpdateEntityAsync(Country("japan", "Japan 2"), created.Etag, false, null, None)).Value;

        var error = await AssertFails(StatusCode.Aborted, ErrorReasons.EtagMismatch,
            () => store.UpdateEntityAsync(Country("japan", "Japan 3"), created.Etag, false, null, None));

        Assert.Equal(new ResourceRef(ResourceNames.EntityType, E("japan")), error.Resource);
        Assert.Equal(current, await store.GetEntityAsync(E("japan"), None));
    }

    [SkippableFact]
    public async Task Creating_an_existing_name_is_already_exists()
    {
        var store = await StoreAsync();
        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);

        var error = await AssertFails(StatusCode.AlreadyExists, ErrorReasons.AlreadyExists,
            () => store.CreateEntityAsync(Country("japan", "Another Japan"), null, None));

        Assert.Equal(E("japan"), error.Resource?.Name);
        Assert.Equal("Japan", (await store.GetEntityAsync(E("japan"), None))!.DisplayName);
    }

    [SkippableFact]
    public async Task Updating_a_missing_entity_is_not_found_unless_allow_missing_which_creates_it()
    {
        var store = await StoreAsync();

        var error = await AssertFails(StatusCode.NotFound, ErrorReasons.NotFound,
            () => store.UpdateEntityAsync(Country("japan", "Japan"), null, false, null, None));
        Assert.Equal(new ResourceRef(ResourceNames.EntityType, E("japan")), error.Resource);
        Assert.Null(await store.GetEntityAsync(E("japan"), None));

        var created = await store.UpdateEntityAsync(Country("japan", "Japan"), null, true, null, None);
        Assert.Equal(created.Value, await store.GetEntityAsync(E("japan"), None));
    }

    [SkippableFact]
    public async Task Deleting_checks_existence_and_etag()
    {
        var store = await StoreAsync();
        var created = (await store.CreateEntityAsync(Country("japan", "Japan"), null, None)).Value;
        await store.UpdateEntityAsync(Country("japan", "Japan 2"), null, false, null, None);

        await AssertFails(StatusCode.NotFound, ErrorReasons.NotFound, () => store.DeleteEntityAsync(E("korea"), null, false, null, None));
        await AssertFails(StatusCode.Aborted, ErrorReasons.EtagMismatch, () => store.DeleteEntityAsync(E("japan"), created.Etag, false, null, None));
        Assert.NotNull(await store.GetEntityAsync(E("japan"), None));

        var deleted = await store.DeleteEntityAsync(E("japan"), null, false, null, None);
        Assert.Equal(new DeleteResult(E("japan"), 0), deleted.Value);
        Assert.Null(await store.GetEntityAsync(E("japan"), None));
    }

    [SkippableFact]
    public async Task Deleting_an_entity_with_relationships_needs_force_which_removes_them_in_the_same_write()
    {
        var store = await StoreAsync();
        await store.CreateEntityAsync(Country("russia", "Russia"), null, None);
        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);
        await store.CreateEntityAsync(Project("sakhalin-2", "Sakhalin-2"), null, None);
        await store.CreateRelationshipAsync(Supplies("russia-japan", "russia", "japan", 0.09), null, None);
        await store.CreateRelationshipAsync(LocatedIn("sakhalin-in-russia", "sakhalin-2", "russia"), null, None);

        var error = await AssertFails(StatusCode.FailedPrecondition, ErrorReasons.HasRelationships,
            () => store.DeleteEntityAsync(E("russia"), null, false, null, None));
        Assert.Equal(E("russia"), error.Resource?.Name);
        Assert.NotNull(await store.GetEntityAsync(E("russia"), None));
        Assert.Equal(2, (await store.ListRelationshipsAsync(new RelationshipListQuery(null, null, null, null, default, null, 10), None)).Count);

        var deleted = await store.DeleteEntityAsync(E("russia"), null, true, null, None);

        Assert.Equal(new DeleteResult(E("russia"), 2), deleted.Value);
        Assert.Null(await store.GetEntityAsync(E("russia"), None));
        Assert.Empty(await store.ListRelationshipsAsync(new RelationshipListQuery(null, null, null, null, default, null, 10), None));
        Assert.Equal(2, (await store.GetEntitiesAsync([E("japan"), E("sakhalin-2")], None)).Count);
    }

    [SkippableFact]
    public async Task Changing_an_entity_kind_that_its_relationships_do_not_allow_is_rejected()
    {
        var store = await StoreAsync();
        await store.CreateEntityAsync(Country("russia", "Russia"), null, None);
        await store.CreateEntityAsync(Project("sakhalin-2", "Sakhalin-2"), null, None);
        await store.CreateRelationshipAsync(LocatedIn("sakhalin-in-russia", "sakhalin-2", "russia"), null, None);

        await AssertFails(StatusCode.InvalidArgument, ErrorReasons.WrongEndpointKind,
            () => store.UpdateEntityAsync(Company("russia", "Russia Inc"), null, false, null, None));
        Assert.Equal("Country", (await store.GetEntityAsync(E("russia"), None))!.Kind);

        // A kind the relationship still allows is fine: LOCATED_IN starts from a Project or a Company.
        var updated = await store.UpdateEntityAsync(Company("sakhalin-2", "Sakhalin Energy"), null, false, null, None);
        Assert.Equal("Company", updated.Value.Kind);
    }
}
