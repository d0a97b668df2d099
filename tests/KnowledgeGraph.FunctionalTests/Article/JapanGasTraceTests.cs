using KnowledgeGraph.FunctionalTests.Seed;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Article.JapanGasQuestion;

namespace KnowledgeGraph.FunctionalTests.Article;

/// <summary>
/// "What does Japan's gas supply depend on?" over gRPC against the seed graph: every gas dependency
/// the article states (docs/article-coverage.md) is on a route, with its quote and an exposure
/// interval computed here by hand from the article.
/// </summary>
[Collection(SeedGraphCollection.Name)]
public sealed class JapanGasTraceTests(SeedGraphFixture seed)
{
    private static readonly string ArticleText = File.ReadAllText(Path.Combine(SeedGraphFixture.SeedDirectory, "..", "sources", "us-japan-rare-earths-framework.txt"));

    [Fact]
    public async Task Japan_s_gas_trace_lists_every_stated_dependency_with_an_honest_interval()
    {
        var trace = await seed.Services.Queries.TraceDependenciesAsync(Trace(), seed.AfterImport);

        // By hand, from the article. The only number it gives for Japan's gas is "around 9 percent of
        // its gas needs" from Sakhalin-2 (sentence 5.4); every other gas link is stated without a share.
        //   Sakhalin-2: one route, 0.09                                  -> [0.09, 0.09]
        //   Russia: Sakhalin-2 then LOCATED_IN (weight 1): 0.09 x 1 = 0.09, plus the unquantified
        //           import (4.4, 6.2): lower 0.09 + 0 = 0.09, upper min(1, 0.09 + 1) = 1 -> [0.09, 1]
        //   Australia, Jera, Tokyo Gas: one unquantified hop each         -> [0, 1]
        //   Alaska LNG, US Gulf Coast: Tokyo Gas, then its purchase        -> [0, 1]
        //   United States: the LNG import, Jera's purchase, and Tokyo Gas through either project:
        //           4 routes, none quantified: lower 0, upper min(1, 1 + 1 + 1 + 1) = 1 -> [0, 1]
        // Order: larger lower bound, then larger upper bound, then name.
        Assert.False(trace.Truncated);
        Assert.Equal(
            [
                ("russia", 0.09, 1.0, false), ("sakhalin-2", 0.09, 0.09, true),
                ("alaska-lng", 0.0, 1.0, false), ("australia", 0.0, 1.0, false), ("jera", 0.0, 1.0, false),
                ("tokyo-gas", 0.0, 1.0, false), ("united-states", 0.0, 1.0, false), ("us-gulf-coast-lng", 0.0, 1.0, false),
            ],
            trace.Dependencies.Select(d => (Id(d.Entity), Math.Round(d.ExposureLower, 12), Math.Round(d.ExposureUpper, 12), d.Quantified)));
        Assert.All(trace.Dependencies, d => Assert.Equal(d.ExposureLower, d.Exposure));

        Assert.Equal(
            ["sakhalin-2-supplies-japan > sakhalin-2-located-in-russia", "japan-imports-from-russia"],
            Routes("russia").Select(Ids));
        Assert.Equal(
            [
                "japan-imports-lng-from-united-states",
                "jera-supplies-japan > jera-purchases-lng-from-united-states",
                "tokyo-gas-supplies-japan > tokyo-gas-purchases-lng-from-alaska-lng > alaska-lng-located-in-united-states",
                "tokyo-gas-supplies-japan > tokyo-gas-purchases-lng-from-us-gulf-coast > us-gulf-coast-lng-located-in-united-states",
            ],
            Routes("united-states").Select(Ids));
        Assert.Equal(["japan-imports-from-australia"], Routes("australia").Select(Ids));
        Assert.Equal(["tokyo-gas-supplies-japan > tokyo-gas-purchases-lng-from-alaska-lng"], Routes("alaska-lng").Select(Ids));

        // Each route says whether it is quantified and which hops lack a weight (LOCATED_IN weighs 1).
        var sakhalin = Routes("russia")[0];
        Assert.True(sakhalin.Quantified);
        Assert.Equal(0.09, sakhalin.Contribution, Tolerance);
        Assert.Equal([0.09, 1.0], sakhalin.Path.Hops.Select(h => h.Weight));
        Assert.Empty(sakhalin.UnquantifiedHops);
        var alaska = Routes("united-states")[2];
        Assert.False(alaska.Quantified);
        Assert.Equal((0.0, 1.0), (alaska.Contribution, alaska.ContributionUpper));
        Assert.Equal([0, 1], alaska.UnquantifiedHops);
        Assert.Equal([true, true, false], alaska.Path.Hops.Select(h => h.WeightUnknown));

        List<DependencyRoute> Routes(string id) => [.. trace.Dependencies.Single(d => Id(d.Entity) == id).Routes];
    }

    [Fact]
    public async Task Every_hop_of_the_gas_trace_quotes_the_article_and_every_gas_link_of_the_seed_is_on_a_route()
    {
        var trace = await seed.Services.Queries.TraceDependenciesAsync(Trace(), seed.AfterImport);

        var hops = trace.Dependencies.SelectMany(d => d.Routes).SelectMany(r => r.Path.Hops).ToList();
        Assert.All(hops, hop => Assert.Contains(hop.Relationship.Sources, s => s.Document == "us-japan-rare-earths-framework" && ArticleText.Contains(s.Quote, StringComparison.Ordinal)));

        // The seed's gas dependencies (commodity natural-gas) all take part, and their projects' locations.
        var gasLinks = seed.SeedRelationships
            .Where(r => r.Properties.TryGetValue("commodity", out var c) && c.StringValue == NaturalGas)
            .Select(r => r.Name);
        Assert.Equal(
            gasLinks.Concat(["relationships/sakhalin-2-located-in-russia", "relationships/alaska-lng-located-in-united-states", "relationships/us-gulf-coast-lng-located-in-united-states"]).Order(),
            hops.Select(h => h.Relationship.Name).Distinct().Order());

        // The statements behind the unquantified links, verbatim.
        Assert.Contains(Evidence("japan-imports-from-russia"), q => q.Contains("reduce dependence on Australian and Russian supplies", StringComparison.Ordinal));
        Assert.Contains(Evidence("japan-imports-from-russia"), q => q.Contains("while the US encourages Japan to reduce Russian energy imports", StringComparison.Ordinal));
        Assert.Contains(Evidence("jera-supplies-japan"), q => q.StartsWith("Jera, Japan’s top LNG buyer", StringComparison.Ordinal));
        Assert.Contains(Evidence("tokyo-gas-supplies-japan"), q => q.Contains("a shift in the country’s energy procurement strategy", StringComparison.Ordinal));
        Assert.Contains(Evidence("tokyo-gas-purchases-lng-from-alaska-lng"), q => q.Contains("supplies from Alaska or the Gulf Coast take significantly longer", StringComparison.Ordinal));

        IEnumerable<string> Evidence(string id) => hops.First(h => h.Relationship.Name == "relationships/" + id).Relationship.Sources.Select(s => s.Quote);
    }

    [Fact]
    public async Task Before_Jera_s_contracts_begin_the_United_States_has_one_route_fewer()
    {
        var request = Trace();
        request.AsOf = Infrastructure.TestGraph.Date(2027);

        var trace = await seed.Services.Queries.TraceDependenciesAsync(request, seed.AfterImport);

        // Jera's purchase is valid from 2030-01-01 ("beginning around 2030"): 3 routes to the US, not 4.
        var us = trace.Dependencies.Single(d => Id(d.Entity) == "united-states");
        Assert.Equal(3, us.Routes.Count);
        Assert.DoesNotContain(us.Routes, r => Ids(r).Contains("jera-purchases", StringComparison.Ordinal));
        Assert.Equal((0.0, 1.0), (us.ExposureLower, us.ExposureUpper));
    }

    [Fact]
    public async Task After_the_Sakhalin_2_contracts_end_only_the_unquantified_import_from_Russia_is_left()
    {
        var request = Trace();
        request.AsOf = Infrastructure.TestGraph.Date(2034);

        var trace = await seed.Services.Queries.TraceDependenciesAsync(request, seed.AfterImport);

        // The 9 percent ends with the contracts (valid until 2033-01-01): Russia drops to [0, 1].
        Assert.DoesNotContain(trace.Dependencies, d => Id(d.Entity) == "sakhalin-2");
        var russia = trace.Dependencies.Single(d => Id(d.Entity) == "russia");
        Assert.Equal((0.0, 1.0, false), (russia.ExposureLower, russia.ExposureUpper, russia.Quantified));
        Assert.Equal(["japan-imports-from-russia"], russia.Routes.Select(Ids));
    }
}
