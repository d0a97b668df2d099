using KnowledgeGraph.FunctionalTests.Seed;
using static KnowledgeGraph.FunctionalTests.Article.JapanGasQuestion;

namespace KnowledgeGraph.FunctionalTests.Article;

/// <summary>"Which single supplier would hurt Japan's gas supply most if it failed?" over gRPC against the seed graph, checked by hand.</summary>
[Collection(SeedGraphCollection.Name)]
public sealed class JapanGasChokepointTests(SeedGraphFixture seed)
{
    [Fact]
    public async Task Russia_then_Sakhalin_2_then_Tokyo_Gas_are_the_chokepoints_of_Japan_s_gas()
    {
        var answer = await seed.Services.Queries.FindChokepointsAsync(Chokepoints(), seed.AfterImport);

        // By hand, from the 12 routes of the gas trace (JapanGasTraceTests), as [lower, upper]:
        //   total = sum over the 8 entities reached of their exposure
        //         = Sakhalin-2 [0.09, 0.09] + Russia [0.09, 1] + 6 x [0, 1] = [0.18, 7.09].
        // Removing C loses, for every reached E, cap(o + t) - cap(o), where t is what E's routes through C
        // contribute and o what its other routes do; with unknown shares that lies between its value at
        // (o upper, t lower) and at (o lower, t upper):
        //   Russia: both its routes end there (o = 0, t = [0.09, 1.09]): [0.09, 1]              -> [0.09, 1],    reach 1
        //   Sakhalin-2: itself [0.09, 0.09]; Russia's route through it (t = 0.09, o = the import
        //              [0, 1]): 0.09 if the import is worth nothing, 0 if it alone covers all: [0, 0.09]
        //                                                                                      -> [0.09, 0.18], reach 1
        //   Tokyo Gas: itself, Alaska LNG and US Gulf Coast [0, 1] each; the United States: its 2 routes
        //              through Tokyo Gas may be all it has (o lower 0): [0, 1]                  -> [0, 4],       reach 3
        //   Alaska LNG, US Gulf Coast, Jera: itself [0, 1] and the US route through it [0, 1]   -> [0, 2],       reach 1
        //   Australia, the United States: itself                                                -> [0, 1],       reach 1
        // Ranked by lost lower bound, then upper bound, then reach, then name.
        Assert.False(answer.Truncated);
        Assert.Equal(8, answer.Reached);
        Assert.Equal(0.18, answer.TotalExposureLower, Tolerance);
        Assert.Equal(7.09, answer.TotalExposureUpper, Tolerance);
        Assert.Equal(
            [
                ("russia", 0.09, 1.0, 1, 2), ("sakhalin-2", 0.09, 0.18, 1, 2), ("tokyo-gas", 0.0, 4.0, 3, 5),
                ("alaska-lng", 0.0, 2.0, 1, 2), ("jera", 0.0, 2.0, 1, 2), ("us-gulf-coast-lng", 0.0, 2.0, 1, 2),
                ("australia", 0.0, 1.0, 1, 1), ("united-states", 0.0, 1.0, 1, 4),
            ],
            answer.Chokepoints.Select(c => (Id(c.Entity), Math.Round(c.ExposureLostLower, 12), Math.Round(c.ExposureLostUpper, 12), c.ReachLost, c.RouteCount)));

        // The routes through Sakhalin-2, heaviest first, with their evidence.
        var top = answer.Chokepoints[1];
        Assert.Equal(["sakhalin-2-supplies-japan", "sakhalin-2-supplies-japan > sakhalin-2-located-in-russia"], top.Routes.Select(Ids));
        Assert.Contains(top.Routes[0].Path.Hops[0].Relationship.Sources, s => s.Quote.Contains("around 9 percent of its gas needs", StringComparison.Ordinal));
    }
}
