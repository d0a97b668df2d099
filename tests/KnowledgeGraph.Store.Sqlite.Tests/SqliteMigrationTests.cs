using KnowledgeGraph.Store.Conformance;
using KnowledgeGraph.Store.Sqlite.Schema;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.Store.Sqlite.Tests;

public sealed class SqliteMigrationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_file_at_an_older_schema_version_is_migrated_forward_and_keeps_its_data()
    {
        var database = new SqliteDatabase(new SqliteGraphStoreOptions(_database.FilePath), NullLogger.Instance);
        await database.MigrateAsync(1, None);
        var japan = Stored(Country("japan", "Japan"));
        await using (var write = await database.BeginWriteAsync(None))
        {
            await EntityTable.InsertAsync(write.Session, japan, None);
            await ChangeLog.AppendAllAsync(write.Session, [(ChangeLog.Create, japan.Name)], DateTimeOffset.UtcNow, None);
            await write.CommitAsync(None);
        }
        Assert.Equal(1L, UserVersion());

        var store = _database.OpenStore();
        await store.InitializeAsync(None);

        Assert.Equal((long)SchemaMigrations.LatestVersion, UserVersion());
        Assert.Equal([japan], await ReadAsync(store, s => s.GetEntitiesAsync([E("japan")], None)));
        // Version 5 brought the index the endpoint check reads kinds from.
        await using (var kinds = await store.BeginAsync(ReadConsistency.None, None))
            Assert.Equal("Country", (await kinds.GetEntityKindsAsync([E("japan")], None))[E("japan")]);
        // Version 2 brought the request log.
        await CommitAsync(store, unit => unit.RecordRequest("req-1", "CreateEntity", [1, 2, 3]));
        await using var unit = await store.BeginAsync(ReadConsistency.None, None);
        Assert.Equal("CreateEntity", (await unit.FindRequestAsync("req-1", None))?.Method);
    }

    [Fact]
    public async Task A_version_2_file_gains_the_request_time_index_and_retention_prunes_its_old_records()
    {
        var database = new SqliteDatabase(new SqliteGraphStoreOptions(_database.FilePath), NullLogger.Instance);
        await database.MigrateAsync(2, None);
        var longAgo = DateTimeOffset.UtcNow.AddDays(-30);
        await using (var write = await database.BeginWriteAsync(None))
        {
            await RequestLog.RecordAsync(write.Session, "old-request", "CreateEntity", [1], 0, longAgo, None);
            await RequestLog.RecordAsync(write.Session, "new-request", "CreateEntity", [2], 0, DateTimeOffset.UtcNow, None);
            await write.CommitAsync(None);
        }

        var store = _database.OpenStore();
        await store.InitializeAsync(None);
        var pruned = await store.PruneAsync(longAgo.AddDays(1), longAgo.AddDays(1), None);

        Assert.Equal((long)SchemaMigrations.LatestVersion, UserVersion());
        Assert.Equal(1L, Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'requests_by_time'"));
        Assert.Equal(1L, pruned.Requests);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM requests WHERE request_id = 'new-request'"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM requests WHERE request_id = 'old-request'"));
    }

    [Fact]
    public async Task A_version_3_file_moves_to_integer_keys_and_answers_every_read_as_before()
    {
        // The graph as a build at schema version 3 wrote it: text-keyed rows, the change log, a request.
        var database = new SqliteDatabase(new SqliteGraphStoreOptions(_database.FilePath), NullLogger.Instance);
        await database.MigrateAsync(3, None);
        var (entities, relationships) = MigrationGraph();
        var written = DateTimeOffset.UtcNow;
        await using (var write = await database.BeginWriteAsync(None))
        {
            long seq = 0;
            foreach (var entity in entities)
            {
                await EntityTable.InsertAsync(write.Session, entity, None);
                seq = (await ChangeLog.AppendAllAsync(write.Session, [(ChangeLog.Create, entity.Name)], written, None))!.Value;
            }
            foreach (var relationship in relationships)
            {
                await Version3.InsertAsync(write.Session, relationship);
                seq = (await ChangeLog.AppendAllAsync(write.Session, [(ChangeLog.Create, relationship.Name)], written, None))!.Value;
            }
            await RequestLog.RecordAsync(write.Session, "req-1", "CreateRelationship", [1, 2, 3], seq, written, None);
            await write.CommitAsync(None);
        }
        // The same graph written by this build into a fresh file: the migrated file must answer as it does.
        using var freshFile = new TempDatabase();
        var fresh = freshFile.OpenStore();
        await CommitAsync(fresh, unit =>
        {
            foreach (var entity in entities) unit.Insert(entity);
            foreach (var relationship in relationships) unit.Insert(relationship);
        });

        var store = _database.OpenStore();
        await store.InitializeAsync(None);

        Assert.Equal((long)SchemaMigrations.LatestVersion, UserVersion());
        Assert.Equal(["change_log", "entities", "relationships", "requests", "sqlite_sequence"],
            Strings("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        Assert.Equal(["body", "commodity", "create_time", "etag", "id", "key", "source_key", "target_key", "type", "update_time", "valid_from", "valid_to"],
            Strings("SELECT name FROM pragma_table_info('relationships') ORDER BY name"));
        Assert.Equal(await AnswersAsync(fresh, entities, relationships), await AnswersAsync(store, entities, relationships));
        Assert.Empty(await SqliteBackup.ProblemsAsync(_database.FilePath, None));

        // The change feed goes on from where the file left it, and the request log still answers.
        var feed = await store.ReadChangesAsync(0, 1000, ReadConsistency.None, None);
        Assert.Equal(entities.Count + relationships.Count, feed.Position);
        Assert.Equal((await fresh.ReadChangesAsync(0, 1000, ReadConsistency.None, None)).Changes, feed.Changes);
        var korea = Stored(Country("korea", "South Korea"));
        var token = await CommitAsync(store, unit => unit.Insert(korea));
        Assert.Equal(ConsistencyToken.Format(feed.Position + 1), token);
        Assert.Equal([new GraphChange(feed.Position + 1, korea.Name, korea, null)], (await store.ReadChangesAsync(feed.Position, 10, ReadConsistency.None, None)).Changes);
        await using (var unit = await store.BeginAsync(ReadConsistency.None, None))
        {
            Assert.Equal("CreateRelationship", (await unit.FindRequestAsync("req-1", None))?.Method);
            Assert.Equal(
                [.. relationships.Where(r => r.Source == E("china") || r.Target == E("china")).Select(r => r.Name).Order(StringComparer.Ordinal)],
                (await unit.GetIncidentRelationshipsAsync(E("china"), None)).Select(i => i.Name));
        }
        // An entity with relationships still cannot go; a new relationship finds its endpoints by name.
        await Assert.ThrowsAsync<StoreConflictException>(() => CommitAsync(store, unit => unit.DeleteEntity(E("china"))));
        var koreaJapan = Stored(Supplies("korea-japan", "korea", "japan", 0.2));
        await CommitAsync(store, unit => unit.Insert(koreaJapan));
        Assert.Equal([koreaJapan], await ReadAsync(store, s => s.GetAdjacentRelationshipsAsync([E("korea")], Direction.Outgoing, new HashSet<string>(), DateTimeOffset.UtcNow, 10, None)));
        Assert.Empty(await SqliteBackup.ProblemsAsync(_database.FilePath, None));
    }

    /// <summary>Countries, companies and a project; relationships with and without validity and commodity, in both directions.</summary>
    private static (List<Entity> Entities, List<Relationship> Relationships) MigrationGraph()
    {
        var at = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        List<Entity> entities =
        [
            Stored(Country("china", "China", "PRC")), Stored(Country("japan", "Japan", "Nippon")), Stored(Country("usa", "United States", "US")),
            Stored(Company("lynas", "Lynas Rare Earths")), Stored(Company("jogmec", "JOGMEC")), Stored(Project("mt-weld", "Mount Weld mine")),
        ];
        List<Relationship> relationships =
        [
            Stored(Supplies("china-japan", "china", "japan", 0.6, "entities/rare-earths")),
            Stored(Supplies("china-japan-old", "china", "japan", 0.9).ValidBetween(null, at)),
            Stored(Supplies("lynas-japan", "lynas", "japan", 0.3, "entities/ndpr").ValidBetween(at, null)),
            Stored(Supplies("china-usa", "china", "usa", 0.7).ValidBetween(at.AddDays(-10), at.AddDays(10).AddTicks(3))),
            Stored(Supplies("japan-china", "japan", "china", 0.05)),
            Stored(GraphBuilders.Relationship("jogmec-lynas", "INVESTS_IN", "jogmec", "lynas")),
            Stored(LocatedIn("mt-weld-in-china", "mt-weld", "china")),
        ];
        return (entities, relationships);
    }

    /// <summary>Every read of the port over the graph, as one comparable list of answers.</summary>
    private static async Task<List<object>> AnswersAsync(IGraphStore store, List<Entity> entities, List<Relationship> relationships)
    {
        var at = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var s = await store.OpenSnapshotAsync(ReadConsistency.None, None);
        var answers = new List<object>
        {
            await s.GetEntitiesAsync([.. entities.Select(e => e.Name), E("nobody")], None),
            await s.GetRelationshipsAsync([.. relationships.Select(r => r.Name), R("nothing")], None),
        };
        foreach (var kind in new[] { null, "Country", "Company" })
            foreach (var after in new[] { null, E("japan") })
                answers.Add(await s.ListEntitiesAsync(new EntityListQuery(kind, after, 2), None));
        foreach (var query in new RelationshipListQuery[]
        {
            new(null, null, null, null, Direction.Unspecified, null, 100),
            new(null, null, null, null, Direction.Unspecified, R("china-usa"), 3),
            new("SUPPLIES", E("china"), null, null, Direction.Unspecified, null, 100),
            new(null, null, E("japan"), null, Direction.Unspecified, null, 100),
            new(null, E("china"), E("japan"), null, Direction.Unspecified, R("china-japan"), 100),
            new(null, null, null, E("china"), Direction.Outgoing, null, 100),
            new(null, null, null, E("china"), Direction.Incoming, null, 100),
            new(null, null, null, E("china"), Direction.Both, null, 2),
            new(null, E("nobody"), null, null, Direction.Unspecified, null, 100),
        })
            answers.Add(await s.ListRelationshipsAsync(query, None));
        foreach (var direction in new[] { Direction.Outgoing, Direction.Incoming, Direction.Both })
            foreach (var types in new[] { new HashSet<string>(), ["SUPPLIES"], ["INVESTS_IN", "LOCATED_IN"] })
                foreach (var asOf in new[] { at.AddDays(-1), at, at.AddDays(10).AddTicks(2) })
                    foreach (var limit in new[] { 2, 100 })
                        answers.Add(await s.GetAdjacentRelationshipsAsync([E("china"), E("japan"), E("lynas"), E("nobody")], direction, types, asOf, limit, None));
        foreach (var kinds in new[] { Array.Empty<string>(), ["Country"] })
            answers.Add((await s.SearchCandidatesAsync("a", kinds, None).ToListAsync()).OrderBy(c => c.Name, StringComparer.Ordinal)); // in no particular order
        // Compared by value: each answer as its items' text.
        return [.. answers.Select(a => string.Join("\n", ((System.Collections.IEnumerable)a).Cast<object>()))];
    }

    /// <summary>How a build at schema version 3 wrote a relationship: the same values, endpoint ids as text columns.</summary>
    private static class Version3
    {
        public static Task<int> InsertAsync(SqlSession session, Relationship relationship) =>
            session.ExecuteAsync(
                """
                INSERT INTO relationships (id, type, source_id, target_id, valid_from, valid_to, commodity, body, etag, create_time, update_time)
                VALUES ($id, $type, $source_id, $target_id, $valid_from, $valid_to, $commodity, $body, $etag, $create_time, $update_time);
                """,
                None, RelationshipTable.Columns(relationship));
    }

    [Fact]
    public async Task Initializing_from_several_stores_at_once_and_again_is_idempotent()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => _database.OpenStore()).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(None))));
        await CommitAsync(stores[0], unit => unit.Insert(Stored(Country("japan", "Japan"))));
        await stores[1].InitializeAsync(None);
        await _database.OpenStore().InitializeAsync(None);

        Assert.Equal((long)SchemaMigrations.LatestVersion, UserVersion());
        Assert.Single(await ReadAsync(stores[3], s => s.GetEntitiesAsync([E("japan")], None)));
    }

    [Fact]
    public async Task A_file_from_a_newer_build_is_refused()
    {
        await _database.OpenStore().InitializeAsync(None);
        using (var connection = _database.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA user_version = {SchemaMigrations.LatestVersion + 1};";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _database.OpenStore().InitializeAsync(None));
        Assert.Contains("newer", error.Message);
    }

    private long UserVersion() => Scalar("PRAGMA user_version;");

    private List<string> Strings(string sql)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    private long Scalar(string sql)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _database.Dispose();
}
