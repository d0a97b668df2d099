using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    private static async Task SeedSearchAsync(IGraphStore store)
    {
        await store.CreateEntityAsync(Country("sao-tome-and-principe", "São Tomé and Príncipe"), null, None);
        await store.CreateEntityAsync(Country("japan", "Japan", "Nippon", "Nihon-koku"), null, None);
        await store.CreateEntityAsync(Country("china", "China", "PRC"), null, None);
        await store.CreateEntityAsync(Company("china-northern-rare-earth", "China Northern Rare Earth Group"), null, None);
        await store.CreateEntityAsync(Company("jogmec", "Japan Organization for Metals and Energy Security", "JOGMEC"), null, None);
    }

    [SkippableFact]
    public async Task Search_is_case_and_accent_insensitive()
    {
        var store = await StoreAsync();
        await SeedSearchAsync(store);

        foreach (var query in new[] { "sao tome", "SÃO TOMÉ", "Sao-Tome", "principe" })
        {
            var results = await store.SearchEntitiesAsync(query, [], 10, None);
            var hit = Assert.Single(results);
            Assert.Equal(E("sao-tome-and-principe"), hit.Entity.Name);
            Assert.Equal("display_name", hit.MatchedField);
        }
    }

    [SkippableFact]
    public async Task Search_matches_aliases_and_ids_and_ranks_the_best_field()
    {
        var store = await StoreAsync();
        await SeedSearchAsync(store);

        var nippon = Assert.Single(await store.SearchEntitiesAsync("nippon", [], 10, None));
        Assert.Equal(E("japan"), nippon.Entity.Name);
        Assert.Equal("alias", nippon.MatchedField);
        Assert.Equal("Nippon", nippon.MatchedText);
        Assert.Equal(1.0, nippon.Score);

        var jogmec = Assert.Single(await store.SearchEntitiesAsync("jogmec", [], 10, None));
        Assert.Equal(1.0, jogmec.Score);

        var china = await store.SearchEntitiesAsync("china", [], 10, None);
        Assert.Equal([E("china"), E("china-northern-rare-earth")], china.Select(r => r.Entity.Name));
        Assert.True(china[0].Score > china[1].Score);

        var japan = await store.SearchEntitiesAsync("japan", [], 10, None);
        Assert.Equal([E("japan"), E("jogmec")], japan.Select(r => r.Entity.Name));
    }

    [SkippableFact]
    public async Task Search_filters_by_kind_and_honours_the_limit()
    {
        var store = await StoreAsync();
        await SeedSearchAsync(store);

        var companies = await store.SearchEntitiesAsync("china", ["Company"], 10, None);
        Assert.Equal([E("china-northern-rare-earth")], companies.Select(r => r.Entity.Name));

        var limited = await store.SearchEntitiesAsync("a", [], 2, None);
        Assert.Equal(2, limited.Count);
        Assert.Empty(await store.SearchEntitiesAsync("atlantis", [], 10, None));
        Assert.Empty(await store.SearchEntitiesAsync("  --  ", [], 10, None));
    }
}
