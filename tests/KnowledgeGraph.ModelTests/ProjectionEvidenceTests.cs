using KnowledgeGraph.Application;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Store.Sqlite;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.ModelTests;

/// <summary>
/// The projection reads an answer's evidence at the locators its load kept (the SQLite rows' keys).
/// A locator goes stale when its relationship is deleted, and SQLite hands the key to the next row;
/// the answer must still carry each relationship's current state, as a read by name would.
/// </summary>
public sealed class ProjectionEvidenceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kg-model-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_relationship_made_again_after_its_key_went_to_another_is_answered_with_its_current_state()
    {
        using var store = new SqliteGraphStore(new SqliteGraphStoreOptions(Path.Combine(_folder, "graph.db")));
        await CommitAsync(store, unit =>
        {
            foreach (var id in new[] { "qatar", "japan", "australia" }) unit.Insert(Stored(Country(id, id)));
            unit.Insert(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2)));
            unit.Insert(Stored(Supplies("australia-japan", "australia", "japan", 0.4)));
        });
        await using var host = await QueryEngineHost.StartAsync(store, QueryEngineKind.Projection);
        var loaded = await host.Queries.FindPathsAsync(new FindPathsRequest { Source = E("australia"), Target = E("japan") }, CallContext.None);
        Assert.Equal(0.4, loaded.Paths.Single().Hops.Single().Relationship.Properties["share"].NumberValue);
        // Loaded: australia-japan's locator is the last key. Deleted, its key goes to qatar-australia;
        // made again, it gets a new key.
        await CommitAsync(store, unit => unit.DeleteRelationship(R("australia-japan")));
        await CommitAsync(store, unit => unit.Insert(Stored(Supplies("qatar-australia", "qatar", "australia", 0.5))));
        var token = await CommitAsync(store, unit => unit.Insert(Stored(Supplies("australia-japan", "australia", "japan", 0.6))));
        var call = new CallContext(token, null, CancellationToken.None);

        var paths = await host.Queries.FindPathsAsync(new FindPathsRequest
        {
            Source = E("australia"), Target = E("japan"), Direction = Direction.Outgoing, MaxDepth = 2, Mode = PathMode.Shortest,
        }, call);
        var hop = Assert.Single(Assert.Single(paths.Paths).Hops);
        Assert.Equal(R("australia-japan"), hop.Relationship.Name);
        Assert.Equal(0.6, hop.Relationship.Properties["share"].NumberValue);

        var trace = await host.Queries.TraceDependenciesAsync(new TraceDependenciesRequest
        {
            Root = E("japan"), Direction = TraceDirection.Upstream, MaxDepth = 2,
        }, call);
        var qatar = trace.Dependencies.Single(d => d.Entity.Name == E("qatar"));
        Assert.Equal(0.2 + 0.5 * 0.6, qatar.Exposure, 12);
        Assert.Equal(
            [[R("australia-japan"), R("qatar-australia")], [R("qatar-japan")]],
            qatar.Routes.Select(r => r.Path.Hops.Select(h => h.Relationship.Name).ToArray()).ToArray());
        Assert.Equal(0.6, qatar.Routes[0].Path.Hops[0].Relationship.Properties["share"].NumberValue);
    }

    [Fact]
    public async Task Evidence_read_once_is_not_read_again_until_a_change_names_it()
    {
        using var sqlite = new SqliteGraphStore(new SqliteGraphStoreOptions(Path.Combine(_folder, "graph.db")));
        var snapshots = SnapshotCounter.Over(sqlite, out var store);
        await CommitAsync(store, unit =>
        {
            foreach (var id in new[] { "qatar", "japan", "australia" }) unit.Insert(Stored(Country(id, id)));
            unit.Insert(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2)));
            unit.Insert(Stored(Supplies("australia-japan", "australia", "japan", 0.4)));
        });
        await using var host = await QueryEngineHost.StartAsync(store, QueryEngineKind.Projection);
        var question = new FindPathsRequest { Source = E("australia"), Target = E("japan") };
        await host.Queries.FindPathsAsync(question, CallContext.None);
        var read = snapshots.Count;

        var again = await host.Queries.FindPathsAsync(question, CallContext.None);
        Assert.Equal(read, snapshots.Count);
        Assert.Equal(0.4, again.Paths.Single().Hops.Single().Relationship.Properties["share"].NumberValue);

        // Changed in place (same name, same row): the feed evicts it before the answer that waits for the change.
        var token = await CommitAsync(store, unit => unit.Replace(Stored(Supplies("australia-japan", "australia", "japan", 0.7))));
        var changed = await host.Queries.FindPathsAsync(question, new CallContext(token, null, CancellationToken.None));
        Assert.Equal(0.7, changed.Paths.Single().Hops.Single().Relationship.Properties["share"].NumberValue);
        Assert.True(snapshots.Count > read);

        // The trace reads the relationship it has not read yet, and the entities (kept too) with it.
        var trace = await host.Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = E("japan"), Direction = TraceDirection.Upstream }, CallContext.None);
        Assert.Equal([(E("australia"), 0.7), (E("qatar"), 0.2)], trace.Dependencies.Select(d => (d.Entity.Name, Math.Round(d.Exposure, 12))));
        read = snapshots.Count;
        await host.Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = E("japan"), Direction = TraceDirection.Upstream }, CallContext.None);
        Assert.Equal(read, snapshots.Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
