using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Protocol;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>
/// The expansion cap a deployment gets: the engine's default unless configured. An edge the projection
/// examines is a slot read in memory, so its default stands above the largest hub of the benchmark's
/// million-entity graph (154,251 relationships); one the store engine expands is a relationship read whole.
/// </summary>
public sealed class ExpansionCapTests
{
    [Theory]
    [InlineData(null, null, Limits.DefaultProjectionMaxExpandedRelationships)]
    [InlineData("Projection", null, Limits.DefaultProjectionMaxExpandedRelationships)]
    [InlineData("Store", null, Limits.DefaultMaxExpandedRelationships)]
    [InlineData("Projection", "250", 250)]
    [InlineData("Store", "2000000", 2_000_000)]
    public void The_cap_is_the_configured_one_or_the_engine_s_default(string? engine, string? configured, int expected)
    {
        var options = Bound(new Dictionary<string, string?>
        {
            [$"{QueryOptions.Section}:Engine"] = engine,
            [$"{QueryOptions.Section}:MaxExpandedRelationships"] = configured,
        });

        Assert.Equal(expected, options.ExpansionCap);
        Assert.Equal(Limits.DefaultMaxPartialPaths, options.MaxPartialPaths);
    }

    [Fact]
    public void The_partial_path_cap_is_configured_apart_from_the_expansion_cap()
    {
        var options = Bound(new Dictionary<string, string?> { [$"{QueryOptions.Section}:MaxPartialPaths"] = "500" });

        Assert.Equal(500, options.MaxPartialPaths);
        Assert.Equal(Limits.DefaultProjectionMaxExpandedRelationships, options.ExpansionCap);
    }

    private static QueryOptions Bound(Dictionary<string, string?> settings)
    {
        var options = new QueryOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(QueryOptions.Section).Bind(options);
        return options;
    }
}
