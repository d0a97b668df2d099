using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task The_feed_lists_every_change_in_commit_order_with_the_current_state()
    {
        var store = await StoreAsync();
        var start = (await store.ReadChangesAsync(0, 100, ReadConsistency.None, None)).Position;
        await CommitAsync(store, unit => { unit.Insert(Stored(Country("japan", "Japan"))); unit.Insert(Stored(Country("russia", "Russia"))); });
        await CommitAsync(store, unit => unit.Insert(Stored(Supplies("russia-japan", "russia", "japan", 0.09))));
        var renamed = Stored(Country("japan", "Japan 2"));
        await CommitAsync(store, unit => unit.Replace(renamed));
        await CommitAsync(store, unit => { unit.DeleteRelationship(R("russia-japan")); unit.DeleteEntity(E("russia")); });

        var page = await store.ReadChangesAsync(start, 100, ReadConsistency.None, None);

        Assert.False(page.HasMore);
        Assert.Equal(page.Changes.Select(c => c.Position).Order(), page.Changes.Select(c => c.Position));
        Assert.Equal(page.Changes.Count, page.Changes.Select(c => c.Position).Distinct().Count());
        Assert.Equal(page.Changes[^1].Position, page.Position);
        Assert.Equal([E("japan"), E("russia"), R("russia-japan"), E("japan"), R("russia-japan"), E("russia")], page.Changes.Select(c => c.Name));
        var state = new Dictionary<string, GraphChange>();
        foreach (var change in page.Changes) state[change.Name] = change;
        Assert.Equal(renamed, state[E("japan")].Entity);
        Assert.True(state[E("russia")].IsDeletion);
        Assert.True(state[R("russia-japan")].IsDeletion);
    }

    [SkippableFact]
    public async Task The_feed_pages_by_limit_and_reports_its_head()
    {
        var store = await StoreAsync();
        var start = (await store.ReadChangesAsync(0, 100, ReadConsistency.None, None)).Position;
        foreach (var id in new[] { "a", "b", "c" })
            await CommitAsync(store, unit => unit.Insert(Stored(Country(id, id.ToUpperInvariant()))));

        var first = await store.ReadChangesAsync(start, 2, ReadConsistency.None, None);
        var second = await store.ReadChangesAsync(first.Position, 2, ReadConsistency.None, None);
        var head = await store.ReadChangesAsync(second.Position, 2, ReadConsistency.None, None);

        Assert.True(first.HasMore);
        Assert.Equal([E("a"), E("b")], first.Changes.Select(c => c.Name));
        Assert.False(second.HasMore);
        Assert.Equal([E("c")], second.Changes.Select(c => c.Name));
        Assert.Empty(head.Changes);
        Assert.False(head.HasMore);
        Assert.Equal(second.Position, head.Position);
    }
}
