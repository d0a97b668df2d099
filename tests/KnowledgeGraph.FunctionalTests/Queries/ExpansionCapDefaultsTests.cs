using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Queries.Api;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>
/// The expansion cap a Queries service gives its queries, as its configuration binds it: unset, the
/// engine's default (the projection examines relationships in memory, so it gets ten times the
/// store's); set, the same number on either engine.
/// </summary>
public sealed class ExpansionCapDefaultsTests
{
    [Theory]
    [InlineData(null, null, Limits.DefaultProjectionMaxExpandedRelationships)]
    [InlineData("Projection", null, Limits.DefaultProjectionMaxExpandedRelationships)]
    [InlineData("Store", null, Limits.DefaultMaxExpandedRelationships)]
    [InlineData("Projection", "5000", 5000)]
    [InlineData("Store", "5000", 5000)]
    public async Task A_queries_service_caps_expansions_by_its_setting_or_its_engine_s_default(string? engine, string? configured, int expected)
    {
        var settings = new Dictionary<string, string>();
        if (engine is not null) settings[$"{QueryOptions.Section}:Engine"] = engine;
        if (configured is not null) settings[$"{QueryOptions.Section}:MaxExpandedRelationships"] = configured;
        var dataPath = Directory.CreateTempSubdirectory("kg-tests-").FullName;
        await using var queries = new ServiceHost<QueriesApiMarker>(dataPath, settings);

        Assert.Equal(expected, queries.Services.GetRequiredService<IOptions<QueryOptions>>().Value.ExpansionCap);
    }
}
