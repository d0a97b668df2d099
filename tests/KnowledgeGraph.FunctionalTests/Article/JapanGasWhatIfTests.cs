using KnowledgeGraph.FunctionalTests.Seed;
using static KnowledgeGraph.FunctionalTests.Article.JapanGasQuestion;

namespace KnowledgeGraph.FunctionalTests.Article;

/// <summary>
/// "What if Russia (or Sakhalin-2) stopped supplying?": Japan's gas trace with an exclusion and
/// compare_baseline, over gRPC against the seed graph, checked by hand against the article.
/// </summary>
[Collection(SeedGraphCollection.Name)]
public sealed class JapanGasWhatIfTests(SeedGraphFixture seed)
{
    [Fact]
    public async Task Without_Russia_Japan_loses_its_Russian_routes_and_keeps_the_rest()
    {
        var trace = await seed.Services.Queries.TraceDependenciesAsync(Trace("entities/russia"), seed.AfterImport);

        // By hand. Baseline (JapanGasTraceTests): Russia [0.09, 1]. Without Russia both its routes go
        // (Sakhalin-2 > Russia, and the import): Russia [0, 0], change [0 - 0.09, 0 - 1] = [-0.09, -1].
        // Sakhalin-2 is a project of its own: its supply to Japan stays, [0.09, 0.09], change 0. No other
        // route passes through Russia, so the six [0, 1] dependencies keep [0, 1] with change 0.
        // Order: larger lower, larger upper, name; Russia, cut off, comes last.
        Assert.False(trace.Truncated);
        Assert.Equal(
            [
                ("sakhalin-2", 0.09, 0.09, 0.09, 0.09, 0.0, 0.0),
                ("alaska-lng", 0.0, 1.0, 0.0, 1.0, 0.0, 0.0), ("australia", 0.0, 1.0, 0.0, 1.0, 0.0, 0.0),
                ("jera", 0.0, 1.0, 0.0, 1.0, 0.0, 0.0), ("tokyo-gas", 0.0, 1.0, 0.0, 1.0, 0.0, 0.0),
                ("united-states", 0.0, 1.0, 0.0, 1.0, 0.0, 0.0), ("us-gulf-coast-lng", 0.0, 1.0, 0.0, 1.0, 0.0, 0.0),
                ("russia", 0.0, 0.0, 0.09, 1.0, -0.09, -1.0),
            ],
            trace.Dependencies.Select(d => (Id(d.Entity), R(d.ExposureLower), R(d.ExposureUpper),
                R(d.Comparison.BaselineLower), R(d.Comparison.BaselineUpper), R(d.Comparison.ChangeLower), R(d.Comparison.ChangeUpper))));
        Assert.Empty(trace.Dependencies.Single(d => Id(d.Entity) == "russia").Routes);
        Assert.DoesNotContain(trace.Dependencies.SelectMany(d => d.Routes).SelectMany(r => r.Path.Hops), h => h.Entity.Name == "entities/russia");
    }

    [Fact]
    public async Task Without_Sakhalin_2_Japan_s_known_gas_exposure_to_Russia_falls_from_9_percent_to_nothing_known()
    {
        var trace = await seed.Services.Queries.TraceDependenciesAsync(Trace("entities/sakhalin-2"), seed.AfterImport);

        // By hand. Without Sakhalin-2 the only quantified route to Russia (0.09 x 1) goes; the import
        // remains, unquantified: Russia [0, min(1, 1)] = [0, 1] against [0.09, 1], change [-0.09, 0].
        // Sakhalin-2 itself: [0, 0] against [0.09, 0.09], change [-0.09, -0.09].
        var russia = trace.Dependencies.Single(d => Id(d.Entity) == "russia");
        Assert.Equal((0.0, 1.0, false), (russia.ExposureLower, russia.ExposureUpper, russia.Quantified));
        Assert.Equal((0.09, 1.0, -0.09, 0.0), (R(russia.Comparison.BaselineLower), R(russia.Comparison.BaselineUpper), R(russia.Comparison.ChangeLower), R(russia.Comparison.ChangeUpper)));
        Assert.Equal(["japan-imports-from-russia"], russia.Routes.Select(Ids));

        var sakhalin = trace.Dependencies[^1];
        Assert.Equal("sakhalin-2", Id(sakhalin.Entity));
        Assert.Equal((0.0, 0.0, 0.09, 0.09, -0.09, -0.09), (sakhalin.ExposureLower, sakhalin.ExposureUpper,
            R(sakhalin.Comparison.BaselineLower), R(sakhalin.Comparison.BaselineUpper), R(sakhalin.Comparison.ChangeLower), R(sakhalin.Comparison.ChangeUpper)));
        Assert.Equal(8, trace.Dependencies.Count);
    }

    [Fact]
    public async Task Excluding_the_unquantified_import_leaves_Russia_exactly_the_9_percent_through_Sakhalin_2()
    {
        var trace = await seed.Services.Queries.TraceDependenciesAsync(Trace("relationships/japan-imports-from-russia"), seed.AfterImport);

        // By hand: the one remaining route is 0.09 x 1, fully quantified, so lower = upper = 0.09;
        // against the baseline [0.09, 1] the change is [0, 0.09 - 1] = [0, -0.91].
        var russia = trace.Dependencies.Single(d => Id(d.Entity) == "russia");
        Assert.Equal((0.09, 0.09, true), (R(russia.ExposureLower), R(russia.ExposureUpper), russia.Quantified));
        Assert.Equal((0.0, -0.91), (R(russia.Comparison.ChangeLower), R(russia.Comparison.ChangeUpper)));
    }

    private static double R(double value) => Math.Round(value, 12);
}
