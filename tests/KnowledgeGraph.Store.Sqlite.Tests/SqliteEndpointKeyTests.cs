using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.Store.Sqlite.Tests;

/// <summary>
/// A unit of work that read a relationship's endpoints binds their keys instead of looking them up
/// again; the rows must refer to the same entities as a lookup by id would, even when the unit deleted
/// and made again an endpoint it had read, and in an import unit, which does not check foreign keys.
/// </summary>
public sealed class SqliteEndpointKeyTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Relationships_written_after_their_endpoints_were_read_refer_to_those_entities_rows()
    {
        var store = await StoreWithThreeCountriesAsync();

        await using (var unit = await store.BeginAsync(ReadConsistency.None, None))
        {
            Assert.Equal(3, (await unit.GetEntitiesAsync([E("qatar"), E("japan"), E("australia")], None)).Count);
            unit.Insert(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2)));
            unit.Insert(Stored(Supplies("australia-japan", "australia", "japan", 0.4)));
            await unit.CommitAsync(None);
        }
        await using (var unit = await store.BeginAsync(ReadConsistency.None, None))
        {
            await unit.GetEntitiesAsync([E("qatar"), E("australia")], None);
            unit.Replace(Stored(Supplies("qatar-japan", "australia", "qatar", 0.3)));
            await unit.CommitAsync(None);
        }

        Assert.Equal(
            [("australia-japan", "australia", "japan"), ("qatar-japan", "australia", "qatar")],
            EndpointsByKey());
    }

    [Fact]
    public async Task An_endpoint_the_unit_read_then_deleted_and_made_again_is_referred_to_by_its_new_row()
    {
        var store = await StoreWithThreeCountriesAsync();

        await using (var unit = await store.BeginAsync(ReadConsistency.None, None))
        {
            await unit.GetEntitiesAsync([E("qatar"), E("japan")], None);
            unit.DeleteEntity(E("qatar"));
            unit.Insert(Stored(Country("qatar", "State of Qatar")));
            unit.Insert(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2)));
            await unit.CommitAsync(None);
        }

        Assert.Equal([("qatar-japan", "qatar", "japan")], EndpointsByKey());
        var relationship = Assert.Single(await ReadAsync(store, s => s.ListRelationshipsAsync(new RelationshipListQuery(null, E("qatar"), null, null, Direction.Both, null, 10), None)));
        Assert.Equal(R("qatar-japan"), relationship.Name);
    }

    [Fact]
    public async Task An_import_unit_binds_the_keys_its_kinds_read_found_and_refuses_deletes()
    {
        var store = await StoreWithThreeCountriesAsync();

        await using (var unit = await store.BeginImportAsync(ReadConsistency.None, None))
        {
            Assert.Equal(2, (await unit.GetEntityKindsAsync([E("australia"), E("japan"), E("atlantis")], None)).Count);
            unit.Insert(Stored(Supplies("australia-japan", "australia", "japan", 0.4)));
            // Endpoints it did not read are looked up by name in the insert itself.
            unit.Insert(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2)));
            Assert.Throws<InvalidOperationException>(() => unit.DeleteEntity(E("qatar")));
            Assert.Throws<InvalidOperationException>(() => unit.DeleteRelationship(R("qatar-japan")));
            await unit.CommitAsync(None);
        }
        await using (var unit = await store.BeginImportAsync(ReadConsistency.None, None))
        {
            // No foreign-key check stands behind an import unit: an endpoint that does not exist must still fail the write.
            unit.Insert(Stored(Supplies("atlantis-japan", "atlantis", "japan", 0.1)));
            await Assert.ThrowsAsync<StoreConflictException>(() => unit.CommitAsync(None));
        }

        Assert.Equal([("australia-japan", "australia", "japan"), ("qatar-japan", "qatar", "japan")], EndpointsByKey());
        using var connection = _database.OpenConnection();
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FROM pragma_foreign_key_check;";
        Assert.Equal(0L, (long)check.ExecuteScalar()!);
    }

    private async Task<SqliteGraphStore> StoreWithThreeCountriesAsync()
    {
        var store = _database.OpenStore();
        await CommitAsync(store, unit =>
        {
            foreach (var id in new[] { "qatar", "japan", "australia" }) unit.Insert(Stored(Country(id, id)));
        });
        return store;
    }

    /// <summary>Each relationship's endpoints as the rows' keys say (joined on the keys, not read from the body).</summary>
    private List<(string, string, string)> EndpointsByKey()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.id, s.id, t.id FROM relationships AS r
            JOIN entities AS s ON s.key = r.source_key JOIN entities AS t ON t.key = r.target_key ORDER BY r.id;
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    public void Dispose() => _database.Dispose();
}
