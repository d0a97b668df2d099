using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.Store.Sqlite.Tests;

/// <summary>
/// Locators are the rows' keys: listed with the resources, they read the same resources back. They are
/// hints: a deleted row's locator finds nothing, or the row that took its key.
/// </summary>
public sealed class SqliteLocatorTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task The_listed_locators_read_back_the_same_entities_and_relationships()
    {
        var store = _database.OpenStore();
        await CommitAsync(store, unit =>
        {
            foreach (var id in new[] { "qatar", "japan", "australia" }) unit.Insert(Stored(Country(id, id)));
            unit.Insert(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2)));
            unit.Insert(Stored(Supplies("australia-japan", "australia", "japan", 0.4)));
        });

        var entities = await ReadAsync(store, s => s.ListLocatedEntitiesAsync(new EntityListQuery(null, null, 10), None));
        var relationships = await ReadAsync(store, s => s.ListLocatedRelationshipsAsync(new RelationshipListQuery(null, null, null, null, Direction.Both, null, 10), None));

        Assert.Equal([E("australia"), E("japan"), E("qatar")], entities.Select(e => e.Resource.Name));
        Assert.Equal([R("australia-japan"), R("qatar-japan")], relationships.Select(r => r.Resource.Name));
        Assert.All(entities, e => Assert.True(e.Locator >= 0));
        Assert.All(relationships, r => Assert.True(r.Locator >= 0));
        Assert.Equal(3, entities.Select(e => e.Locator).Distinct().Count());

        var atEntities = await ReadAsync(store, s => s.GetEntitiesAtAsync([.. entities.Select(e => e.Locator)], None));
        var atRelationships = await ReadAsync(store, s => s.GetRelationshipsAtAsync([.. relationships.Select(r => r.Locator)], None));
        Assert.Equal(entities.Select(e => e.Resource).OrderBy(e => e.Name), atEntities.OrderBy(e => e.Name));
        Assert.Equal(relationships.Select(r => r.Resource).OrderBy(r => r.Name), atRelationships.OrderBy(r => r.Name));
        // The same as reading them by name.
        Assert.Equal(await ReadAsync(store, s => s.GetRelationshipsAsync([R("qatar-japan")], None)),
            await ReadAsync(store, s => s.GetRelationshipsAtAsync([relationships.Single(r => r.Resource.Name == R("qatar-japan")).Locator], None)));
    }

    [Fact]
    public async Task A_deleted_rows_locator_finds_nothing_or_the_row_that_took_its_key()
    {
        var store = _database.OpenStore();
        await CommitAsync(store, unit =>
        {
            foreach (var id in new[] { "qatar", "japan", "australia" }) unit.Insert(Stored(Country(id, id)));
            unit.Insert(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2)));
        });
        var locator = (await ReadAsync(store, s => s.ListLocatedRelationshipsAsync(new RelationshipListQuery(null, null, null, null, Direction.Both, null, 10), None))).Single().Locator;

        await CommitAsync(store, unit => unit.DeleteRelationship(R("qatar-japan")));
        Assert.Empty(await ReadAsync(store, s => s.GetRelationshipsAtAsync([locator], None)));

        // SQLite gives a new row the largest key plus one, so the deleted last row's key is taken again.
        await CommitAsync(store, unit => unit.Insert(Stored(Supplies("australia-japan", "australia", "japan", 0.4))));
        Assert.Equal([R("australia-japan")], (await ReadAsync(store, s => s.GetRelationshipsAtAsync([locator], None))).Select(r => r.Name));
    }

    [Fact]
    public async Task No_locators_find_nothing()
    {
        var store = _database.OpenStore();
        await store.InitializeAsync(None);
        Assert.Empty(await ReadAsync(store, s => s.GetEntitiesAtAsync([], None)));
        Assert.Empty(await ReadAsync(store, s => s.GetRelationshipsAtAsync([], None)));
    }

    public void Dispose() => _database.Dispose();
}
