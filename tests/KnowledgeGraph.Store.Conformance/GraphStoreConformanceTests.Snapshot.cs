using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> AllTypes = new HashSet<string>();

    /// <summary>russia → japan and qatar → japan (SUPPLIES), sakhalin-2 in russia (LOCATED_IN), a contract valid 2020-2030, a self-loop.</summary>
    private static async Task<IGraphStore> SmallGraphAsync(IGraphStore store)
    {
        await CommitAsync(store, unit =>
        {
            foreach (var id in new[] { "japan", "russia", "qatar" }) unit.Insert(Stored(Country(id, char.ToUpperInvariant(id[0]) + id[1..])));
            unit.Insert(Stored(Project("sakhalin-2", "Sakhalin-2", "Sakhalin II")));
            unit.Insert(Stored(Company("jera", "JERA")));
            unit.Insert(Stored(Supplies("b-russia-japan", "russia", "japan", 0.09)));
            unit.Insert(Stored(Supplies("a-qatar-japan", "qatar", "japan", 0.2)));
            unit.Insert(Stored(LocatedIn("c-sakhalin-russia", "sakhalin-2", "russia")));
            unit.Insert(Stored(Supplies("d-contract", "sakhalin-2", "jera", 0.5).ValidBetween(new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        });
        return store;
    }

    [SkippableFact]
    public async Task Adjacency_follows_direction_types_and_validity_in_name_order()
    {
        var store = await SmallGraphAsync(await StoreAsync());
        Task<IReadOnlyList<Relationship>> Adjacent(string id, Direction direction, IReadOnlySet<string> types, DateTimeOffset asOf) =>
            ReadAsync(store, s => s.GetAdjacentRelationshipsAsync([E(id)], direction, types, asOf, 100, None));

        Assert.Equal([R("a-qatar-japan"), R("b-russia-japan")], (await Adjacent("japan", Direction.Incoming, AllTypes, Now)).Select(r => r.Name));
        Assert.Empty(await Adjacent("japan", Direction.Outgoing, AllTypes, Now));
        Assert.Equal([R("b-russia-japan"), R("c-sakhalin-russia")], (await Adjacent("russia", Direction.Both, AllTypes, Now)).Select(r => r.Name));
        Assert.Equal([R("c-sakhalin-russia")], (await Adjacent("russia", Direction.Both, new HashSet<string> { "LOCATED_IN" }, Now)).Select(r => r.Name));

        // Validity is [valid_from, valid_to): the contract counts from its first instant and not at its end.
        Assert.Equal([R("c-sakhalin-russia"), R("d-contract")], (await Adjacent("sakhalin-2", Direction.Outgoing, AllTypes, new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero))).Select(r => r.Name));
        Assert.Equal([R("c-sakhalin-russia")], (await Adjacent("sakhalin-2", Direction.Outgoing, AllTypes, new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero))).Select(r => r.Name));
        Assert.Equal([R("c-sakhalin-russia")], (await Adjacent("sakhalin-2", Direction.Outgoing, AllTypes, new(2019, 12, 31, 23, 59, 59, TimeSpan.Zero))).Select(r => r.Name));
    }

    [SkippableFact]
    public async Task Adjacency_of_a_frontier_is_one_answer_cut_at_the_limit_by_name()
    {
        var store = await SmallGraphAsync(await StoreAsync());

        var all = await ReadAsync(store, s => s.GetAdjacentRelationshipsAsync([E("japan"), E("sakhalin-2")], Direction.Both, AllTypes, Now, 100, None));
        var firstTwo = await ReadAsync(store, s => s.GetAdjacentRelationshipsAsync([E("japan"), E("sakhalin-2")], Direction.Both, AllTypes, Now, 2, None));
        var none = await ReadAsync(store, s => s.GetAdjacentRelationshipsAsync([], Direction.Both, AllTypes, Now, 100, None));

        Assert.Equal([R("a-qatar-japan"), R("b-russia-japan"), R("c-sakhalin-russia"), R("d-contract")], all.Select(r => r.Name));
        Assert.Equal([R("a-qatar-japan"), R("b-russia-japan")], firstTwo.Select(r => r.Name));
        Assert.Empty(none);
    }

    [SkippableFact]
    public async Task Reads_by_name_return_what_exists()
    {
        var store = await SmallGraphAsync(await StoreAsync());

        var entities = await ReadAsync(store, s => s.GetEntitiesAsync([E("japan"), E("atlantis"), E("jera")], None));
        var relationships = await ReadAsync(store, s => s.GetRelationshipsAsync([R("d-contract"), R("nothing")], None));

        Assert.Equal([E("japan"), E("jera")], entities.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal([R("d-contract")], relationships.Select(r => r.Name));
        Assert.Empty(await ReadAsync(store, s => s.GetEntitiesAsync([], None)));
    }

    [SkippableFact]
    public async Task Entity_lists_page_in_name_order_by_kind()
    {
        var store = await SmallGraphAsync(await StoreAsync());
        Task<IReadOnlyList<Entity>> List(string? kind, string? after, int limit) => ReadAsync(store, s => s.ListEntitiesAsync(new EntityListQuery(kind, after, limit), None));

        Assert.Equal([E("japan"), E("jera"), E("qatar"), E("russia"), E("sakhalin-2")], (await List(null, null, 10)).Select(e => e.Name));
        Assert.Equal([E("japan"), E("jera")], (await List(null, null, 2)).Select(e => e.Name));
        Assert.Equal([E("qatar"), E("russia")], (await List(null, E("jera"), 2)).Select(e => e.Name));
        Assert.Equal([E("qatar"), E("russia")], (await List("Country", E("japan"), 10)).Select(e => e.Name));
        Assert.Empty(await List("Commodity", null, 10));
    }

    [SkippableFact]
    public async Task Relationship_lists_filter_by_type_endpoints_and_direction()
    {
        var store = await SmallGraphAsync(await StoreAsync());
        Task<IReadOnlyList<Relationship>> List(string? type = null, string? source = null, string? target = null, string? entity = null, Direction direction = Direction.Both, string? after = null, int limit = 10) =>
            ReadAsync(store, s => s.ListRelationshipsAsync(new RelationshipListQuery(type, source, target, entity, direction, after, limit), None));

        Assert.Equal(4, (await List()).Count);
        Assert.Equal([R("c-sakhalin-russia")], (await List(type: "LOCATED_IN")).Select(r => r.Name));
        Assert.Equal([R("c-sakhalin-russia"), R("d-contract")], (await List(source: E("sakhalin-2"))).Select(r => r.Name));
        Assert.Equal([R("a-qatar-japan"), R("b-russia-japan")], (await List(target: E("japan"))).Select(r => r.Name));
        Assert.Equal([R("b-russia-japan")], (await List(source: E("russia"), target: E("japan"), type: "SUPPLIES")).Select(r => r.Name));
        Assert.Equal([R("b-russia-japan"), R("c-sakhalin-russia")], (await List(entity: E("russia"))).Select(r => r.Name));
        Assert.Equal([R("b-russia-japan")], (await List(entity: E("russia"), direction: Direction.Outgoing)).Select(r => r.Name));
        Assert.Equal([R("c-sakhalin-russia")], (await List(entity: E("russia"), direction: Direction.Incoming)).Select(r => r.Name));
        Assert.Equal([R("c-sakhalin-russia"), R("d-contract")], (await List(after: R("b-russia-japan"))).Select(r => r.Name));
        Assert.Equal([R("b-russia-japan")], (await List(after: R("a-qatar-japan"), limit: 1)).Select(r => r.Name));
    }

    [SkippableFact]
    public async Task Search_candidates_are_the_entities_whose_search_text_contains_the_query()
    {
        var store = await StoreAsync();
        await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Project("sakhalin-2", "Sakhalin-2", "Sakhalin II")));
            unit.Insert(Stored(Company("sakhalin-energy", "Sakhalin Energy")));
            unit.Insert(Stored(Country("sao-tome", "São Tomé and Príncipe")));
            unit.Insert(Stored(Country("japan", "Japan")));
        });
        async Task<IReadOnlyList<SearchCandidate>> Candidates(string query, params string[] kinds)
        {
            await using var snapshot = await store.OpenSnapshotAsync(ReadConsistency.None, None);
            var found = new List<SearchCandidate>();
            await foreach (var candidate in snapshot.SearchCandidatesAsync(query, kinds, None)) found.Add(candidate);
            return [.. found.OrderBy(c => c.Name, StringComparer.Ordinal)];
        }

        var sakhalin = await Candidates("sakhalin");
        Assert.Equal([E("sakhalin-2"), E("sakhalin-energy")], sakhalin.Select(c => c.Name));
        Assert.Equal(EntitySearch.IndexOf(Project("sakhalin-2", "Sakhalin-2", "Sakhalin II")), sakhalin[0].SearchText);
        Assert.Equal([E("sakhalin-energy")], (await Candidates("sakhalin", "Company")).Select(c => c.Name));
        Assert.Equal([E("sao-tome")], (await Candidates("sao tome")).Select(c => c.Name));
        Assert.Empty(await Candidates("atlantis"));
    }
}
