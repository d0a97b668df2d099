using KnowledgeGraph.Store;
using KnowledgeGraph.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.ProcessTests;

/// <summary>What a store file holds after a crash, read through the store's own port with no service running, and what is wrong with it.</summary>
public sealed record StoreInspection(IReadOnlySet<string> Entities, IReadOnlySet<string> Relationships, IReadOnlyList<string> Problems)
{
    public static async Task<StoreInspection> ReadAsync(string dataPath)
    {
        var file = SqliteGraphStoreOptions.FileIn(dataPath);
        var problems = new List<string>(await SqliteBackup.ProblemsAsync(file, CancellationToken.None));
        await using var services = new ServiceCollection().AddLogging().AddSqliteGraphStore(file).BuildServiceProvider();
        var store = services.GetRequiredService<IGraphStore>();
        await store.InitializeAsync(CancellationToken.None);

        var entities = new HashSet<string>(StringComparer.Ordinal);
        var relationships = new HashSet<string>(StringComparer.Ordinal);
        await using (var snapshot = await store.OpenSnapshotAsync(ReadConsistency.None, CancellationToken.None))
        {
            for (string? after = null; ;)
            {
                var page = await snapshot.ListEntitiesAsync(new EntityListQuery(null, after, 1000), CancellationToken.None);
                if (page.Count == 0) break;
                entities.UnionWith(page.Select(e => e.Name));
                after = page[^1].Name;
            }
            for (string? after = null; ;)
            {
                var page = await snapshot.ListRelationshipsAsync(new RelationshipListQuery(null, null, null, null, V1.Direction.Unspecified, after, 1000), CancellationToken.None);
                if (page.Count == 0) break;
                foreach (var relationship in page)
                {
                    relationships.Add(relationship.Name);
                    if (!entities.Contains(relationship.Source) || !entities.Contains(relationship.Target))
                        problems.Add($"{relationship.Name} dangles: {relationship.Source} -> {relationship.Target}");
                }
                after = page[^1].Name;
            }
        }

        // The change feed, replayed from the start, must end in exactly the stored graph.
        var fed = new HashSet<string>(StringComparer.Ordinal);
        for (long position = 0; ;)
        {
            var page = await store.ReadChangesAsync(position, 1000, ReadConsistency.None, CancellationToken.None);
            foreach (var change in page.Changes)
                if (change.IsDeletion) fed.Remove(change.Name); else fed.Add(change.Name);
            if (!page.HasMore) break;
            position = page.Position;
        }
        if (!fed.SetEquals(entities.Concat(relationships)))
            problems.Add($"the change feed ends in {fed.Count} resources, the tables hold {entities.Count + relationships.Count}");

        SqliteConnection.ClearAllPools();
        return new StoreInspection(entities, relationships, problems);
    }
}
