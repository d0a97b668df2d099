using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg trace … --without</c> and <c>kg chokepoints</c> on the seed graph: what-if questions from the command line.</summary>
[Collection(SeededCollection.Name)]
public sealed class WhatIfCommandTests(SeededServices seeded)
{
    private static readonly string[] JapanGas = ["japan", "--upstream", "--commodity", "natural-gas", "--as-of", "2030-01-01"];

    private Task<CliResult> Kg(params string[] args) => seeded.Cli.KgAsync(args);

    private async Task<T> KgJson<T>(params string[] args) where T : Google.Protobuf.IMessage<T>, new()
    {
        var result = await Kg([.. args, "--json"]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return Json.Parse<T>(result.Out);
    }

    [Fact]
    public async Task Trace_without_a_supplier_shows_each_dependency_beside_its_exposure_before()
    {
        var before = await KgJson<TraceDependenciesResponse>(["trace", .. JapanGas]);
        var sakhalin = Assert.Single(before.Dependencies, d => d.Entity.Name == "entities/sakhalin-2");
        Assert.True(sakhalin.ExposureLower > 0);

        var after = await KgJson<TraceDependenciesResponse>(["trace", .. JapanGas, "--without", "sakhalin-2"]);

        // Every dependency of the plain trace is still listed, with that trace's figures as its baseline.
        Assert.Equal(before.Dependencies.Select(d => d.Entity.Name).Order(), after.Dependencies.Select(d => d.Entity.Name).Order());
        foreach (var dependency in after.Dependencies)
        {
            var was = Assert.Single(before.Dependencies, d => d.Entity.Name == dependency.Entity.Name);
            Assert.Equal(was.ExposureLower, dependency.Comparison.BaselineLower, 9);
            Assert.Equal(was.ExposureUpper, dependency.Comparison.BaselineUpper, 9);
            Assert.Equal(dependency.ExposureLower - was.ExposureLower, dependency.Comparison.ChangeLower, 9);
            Assert.True(dependency.ExposureUpper <= was.ExposureUpper + 1e-9, dependency.ToString());
            Assert.All(dependency.Routes, route => Assert.DoesNotContain(route.Path.Hops, h => h.Entity.Name == "entities/sakhalin-2"));
        }
        var gone = Assert.Single(after.Dependencies, d => d.Entity.Name == "entities/sakhalin-2");
        Assert.Equal((0.0, 0.0), (gone.ExposureLower, gone.ExposureUpper));
        Assert.Equal(-sakhalin.ExposureLower, gone.Comparison.ChangeLower, 9);

        var table = await Kg(["trace", .. JapanGas, "--without", "sakhalin-2"]);
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("Japan (Country) depends on for natural-gas without sakhalin-2", table.Out);
        Assert.Contains($"Sakhalin-2 (Project): exposure 0%; was {Percent(sakhalin.ExposureLower)}, change −{Percent(sakhalin.ExposureLower)}", table.Out);
    }

    [Fact]
    public async Task Without_takes_relationships_and_comma_separated_lists_and_rejects_what_does_not_exist()
    {
        var after = await KgJson<TraceDependenciesResponse>(["trace", .. JapanGas, "--without", "relationships/sakhalin-2-supplies-japan,russia"]);
        Assert.All(after.Dependencies, d => Assert.All(d.Routes, r => Assert.DoesNotContain(r.Path.Hops, h => h.Relationship.Name == "relationships/sakhalin-2-supplies-japan")));
        Assert.Contains(after.Dependencies, d => d.Entity.Name == "entities/russia" && d.ExposureUpper == 0 && d.Comparison.BaselineLower > 0);

        var missing = await Kg(["trace", .. JapanGas, "--without", "atlantis"]);
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Contains("entities/atlantis", missing.Error);

        var root = await Kg(["trace", .. JapanGas, "--without", "japan"]);
        Assert.Equal(ExitCodes.InvalidInput, root.ExitCode);
        Assert.Contains("exclude", root.Error);
    }

    [Fact]
    public async Task Chokepoints_rank_what_japans_gas_would_lose_with_each_supplier_gone()
    {
        var trace = await KgJson<TraceDependenciesResponse>(["trace", .. JapanGas]);
        var ranking = await KgJson<FindChokepointsResponse>(["chokepoints", .. JapanGas]);

        Assert.Equal("entities/japan", ranking.Root.Name);
        Assert.Equal(trace.Dependencies.Count, ranking.Reached);
        Assert.Equal(trace.Dependencies.Sum(d => d.ExposureLower), ranking.TotalExposureLower, 9);
        Assert.NotEmpty(ranking.Chokepoints);
        Assert.Equal(ranking.Chokepoints.OrderByDescending(c => c.ExposureLostLower).ThenByDescending(c => c.ExposureLostUpper).Select(c => c.Entity.Name), ranking.Chokepoints.Select(c => c.Entity.Name));

        // What a trace without each loses, where the shares are known and where every unknown one is 1, lies in its interval.
        foreach (var chokepoint in ranking.Chokepoints.Take(3))
        {
            var without = await KgJson<TraceDependenciesResponse>(["trace", .. JapanGas, "--without", chokepoint.Entity.Name]);
            Assert.InRange(-without.Dependencies.Sum(d => d.Comparison.ChangeLower), chokepoint.ExposureLostLower - 1e-9, chokepoint.ExposureLostUpper + 1e-9);
            Assert.InRange(-without.Dependencies.Sum(d => d.Comparison.ChangeUpper), chokepoint.ExposureLostLower - 1e-9, chokepoint.ExposureLostUpper + 1e-9);
        }

        var table = await Kg(["chokepoints", .. JapanGas]);
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains($"Japan (Country) for natural-gas (as of 2030-01-01): {ranking.Reached} dependencies", table.Out);
        Assert.Contains(KnowledgeGraph.Cli.Output.PathViews.Entity(ranking.Chokepoints[0].Entity), table.Out);
    }

    [Fact]
    public async Task Chokepoints_need_exactly_one_direction()
    {
        var result = await Kg("chokepoints", "japan");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--upstream or --downstream", result.Error);
    }

    private static string Percent(double value) => KnowledgeGraph.Cli.Output.Values.Percent(value);

}
