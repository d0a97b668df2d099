using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task Upserting_entities_counts_created_updated_unchanged_and_rejected_rows()
    {
        var store = await StoreAsync();
        var japan = (await store.CreateEntityAsync(Country("japan", "Japan"), null, None)).Value;
        await store.CreateEntityAsync(Country("russia", "Russia"), null, None);
        await store.CreateEntityAsync(Project("sakhalin-2", "Sakhalin-2"), null, None);
        await store.CreateRelationshipAsync(LocatedIn("sakhalin-in-russia", "sakhalin-2", "russia"), null, None);
        var before = (await store.GetEntityAsync(E("sakhalin-2"), None))!;

        var result = await store.UpsertEntitiesAsync(
        [
            Country("japan", "Japan"),              // 10: same content
            Country("china", "China"),              // 11: new
            Project("sakhalin-2", "Sakhalin II"),   // 12: changed
            Company("russia", "Russia"),            // 13: LOCATED_IN cannot point to a Company
        ], firstRow: 10, None);

        var summary = result.Value;
        Assert.Equal((1, 1, 1, 1), (summary.Created, summary.Updated, summary.Unchanged, summary.Rejected));
        var rejected = Assert.Single(summary.Errors);
        Assert.Equal(13, rejected.Row);
        Assert.Equal(E("russia"), rejected.Name);
        Assert.Equal("INVALID_ARGUMENT", rejected.Code);
        Assert.Equal(ErrorReasons.WrongEndpointKind, rejected.Reason);
        Assert.Equal(japan.Etag, (await store.GetEntityAsync(E("japan"), None))!.Etag);
        Assert.Equal("Country", (await store.GetEntityAsync(E("russia"), None))!.Kind);
        var sakhalin = (await store.GetEntityAsync(E("sakhalin-2"), None))!;
        Assert.Equal("Sakhalin II", sakhalin.DisplayName);
        Assert.Equal(before.CreateTime, sakhalin.CreateTime);
        Assert.NotEqual(before.Etag, sakhalin.Etag);
        Assert.NotNull(await store.GetEntityAsync(E("china"), None));
        await store.WaitForAsync(result.ConsistencyToken, TimeSpan.FromSeconds(1), None);
    }

    [SkippableFact]
    public async Task Upserting_only_unchanged_entities_writes_nothing()
    {
        var store = await StoreAsync();
        var japan = (await store.CreateEntityAsync(Country("japan", "Japan", "Nippon"), null, None)).Value;

        var result = await store.UpsertEntitiesAsync([Country("japan", "Japan", "Nippon")], 0, None);

        Assert.Equal(1, result.Value.Unchanged);
        Assert.Equal(0, result.Value.Created + result.Value.Updated + result.Value.Rejected);
        Assert.Equal(japan, await store.GetEntityAsync(E("japan"), None));
        await store.WaitForAsync(result.ConsistencyToken, TimeSpan.FromSeconds(1), None);
    }

    [SkippableFact]
    public async Task Upserting_relationships_rejects_bad_rows_and_writes_the_others()
    {
        var store = await StoreAsync();
        await SeedTriangleAsync(store);
        var unchanged = (await store.GetRelationshipAsync(R("b-china-japan"), None))!;

        var result = await store.UpsertRelationshipsAsync(
        [
            Supplies("a-russia-japan", "russia", "japan", 0.1),           // 100: updated
            Supplies("b-china-japan", "china", "japan", 0.6),             // 101: unchanged
            Supplies("d-china-russia", "china", "russia", 0.3),           // 102: created
            Supplies("e-korea-japan", "korea", "japan", 0.3),             // 103: no korea
            LocatedIn("f-japan-in-china", "japan", "china"),              // 104: a Country is not LOCATED_IN
            Supplies("a-russia-japan", "china", "japan", 0.1),            // 105: cannot move an endpoint
        ], firstRow: 100, None);

        var summary = result.Value;
        Assert.Equal((1, 1, 1, 3), (summary.Created, summary.Updated, summary.Unchanged, summary.Rejected));
        Assert.Equal(
            [
                (103, R("e-korea-japan"), "FAILED_PRECONDITION", ErrorReasons.EndpointNotFound),
                (104, R("f-japan-in-china"), "INVALID_ARGUMENT", ErrorReasons.WrongEndpointKind),
                (105, R("a-russia-japan"), "INVALID_ARGUMENT", ErrorReasons.ImmutableField),
            ],
            summary.Errors.Select(e => (e.Row, e.Name, e.Code, e.Reason)));
        Assert.All(summary.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal(0.1, (await store.GetRelationshipAsync(R("a-russia-japan"), None))!.Properties["share"].NumberValue);
        Assert.Equal(E("russia"), (await store.GetRelationshipAsync(R("a-russia-japan"), None))!.Source);
        Assert.Equal(unchanged, await store.GetRelationshipAsync(R("b-china-japan"), None));
        Assert.NotNull(await store.GetRelationshipAsync(R("d-china-russia"), None));
        Assert.Null(await store.GetRelationshipAsync(R("e-korea-japan"), None));
        Assert.Null(await store.GetRelationshipAsync(R("f-japan-in-china"), None));
    }
}
