using Grpc.Core;
using KnowledgeGraph.Domain.Errors;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task A_repeated_request_id_returns_the_first_result_and_writes_nothing()
    {
        var store = await StoreAsync();
        var first = await store.CreateEntityAsync(Country("japan", "Japan"), "req-create-1", None);

        var replay = await store.CreateEntityAsync(Country("japan", "Not what was first sent"), "req-create-1", None);

        Assert.Equal(first.Value, replay.Value);
        Assert.Equal(first.Value, await store.GetEntityAsync(E("japan"), None));
        await store.WaitForAsync(replay.ConsistencyToken, TimeSpan.FromSeconds(1), None);

        var update = await store.UpdateEntityAsync(Country("japan", "Japan 2"), first.Value.Etag, false, "req-update-1", None);
        var updateReplay = await store.UpdateEntityAsync(Country("japan", "Japan 2"), first.Value.Etag, false, "req-update-1", None);
        Assert.Equal(update.Value, updateReplay.Value);
        Assert.Equal(update.Value.Etag, (await store.GetEntityAsync(E("japan"), None))!.Etag);
    }

    [SkippableFact]
    public async Task A_repeated_delete_request_id_returns_the_first_result_instead_of_not_found()
    {
        var store = await StoreAsync();
        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);

        var first = await store.DeleteEntityAsync(E("japan"), null, false, "req-delete-1", None);
        var replay = await store.DeleteEntityAsync(E("japan"), null, false, "req-delete-1", None);

        Assert.Equal(first.Value, replay.Value);
        await AssertFails(StatusCode.NotFound, ErrorReasons.NotFound, () => store.DeleteEntityAsync(E("japan"), null, false, "req-delete-2", None));
    }

    [SkippableFact]
    public async Task A_request_id_used_by_another_method_is_rejected()
    {
        var store = await StoreAsync();
        await store.CreateEntityAsync(Country("japan", "Japan"), "req-shared", None);
        await store.CreateEntityAsync(Country("russia", "Russia"), null, None);

        var error = await AssertFails(StatusCode.InvalidArgument, ErrorReasons.RequestIdReused,
            () => store.CreateRelationshipAsync(Supplies("russia-japan", "russia", "japan", 0.1), "req-shared", None));

        Assert.Contains(error.Violations, v => v.Field == "request_id");
        Assert.Null(await store.GetRelationshipAsync(R("russia-japan"), None));
    }

    [SkippableFact]
    public async Task A_failed_write_does_not_consume_its_request_id()
    {
        var store = await StoreAsync();
        await store.CreateEntityAsync(Country("japan", "Japan"), null, None);

        await AssertFails(StatusCode.AlreadyExists, ErrorReasons.AlreadyExists, () => store.CreateEntityAsync(Country("japan", "Japan"), "req-retry", None));
        var created = await store.CreateEntityAsync(Country("korea", "Korea"), "req-retry", None);

        Assert.Equal(E("korea"), created.Value.Name);
    }
}
