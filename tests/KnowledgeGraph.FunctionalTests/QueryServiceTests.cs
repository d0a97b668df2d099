using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests;

[Collection(ServicesCollection.Name)]
public sealed class QueryServiceTests(SharedServices shared)
{
    private EntityService.EntityServiceClient Entities => shared.Services.Entities;
    private QueryService.QueryServiceClient Queries => shared.Services.Queries;

    [Fact]
    public async Task GetSchema_serves_the_ontology_with_dependency_meaning()
    {
        var schema = await Queries.GetSchemaAsync(new GetSchemaRequest());
        Assert.Contains(schema.EntityKinds, k => k.Name == "Country" && k.ExternalIdSchemes.Contains("iso3166_alpha2"));
        var supplies = Assert.Single(schema.RelationshipTypes, t => t.Name == "SUPPLIES");
        Assert.Equal(DependencyDirection.TargetDependsOnSource, supplies.Dependency.Direction);
        Assert.Equal("share", supplies.Dependency.WeightProperty);
        var dependsOn = Assert.Single(schema.RelationshipTypes, t => t.Name == "DEPENDS_ON");
        Assert.Equal(DependencyDirection.SourceDependsOnTarget, dependsOn.Dependency.Direction);
    }

    [Fact]
    public async Task Search_ignores_case_and_accents_and_matches_aliases()
    {
        var tag = UniqueId("t");
        var created = await Entities.CreateAsync("Country", $"São Tomé {tag}", $"Saint Thomas {tag}");

        var byName = await Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = $"SAO TOME {tag}" });
        var hit = Assert.Single(byName.Results);
        Assert.Equal(created.Name, hit.Entity.Name);
        Assert.Equal("display_name", hit.MatchedField);

        var byAlias = await Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = $"saint thomas {tag}", Kinds = { "Country" } });
        Assert.Equal("alias", Assert.Single(byAlias.Results).MatchedField);

        var otherKind = await Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = tag, Kinds = { "Company" } });
        Assert.Empty(otherKind.Results);
    }

    [Fact]
    public async Task Search_ranks_exact_matches_first()
    {
        var tag = UniqueId("rank");
        var partial = await Entities.CreateAsync("Company", $"{tag} Holdings");
        var exact = await Entities.CreateAsync("Company", tag);
        var results = (await Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = tag })).Results;
        Assert.Equal([exact.Name, partial.Name], results.Select(r => r.Entity.Name));
        Assert.True(results[0].Score > results[1].Score);
    }

    [Theory]
    [InlineData("", "MISSING_FIELD")]
    [InlineData("--", "MISSING_FIELD")]
    public async Task Search_needs_a_query(string query, string reason)
    {
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, reason, () => Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = query }));
    }

    [Fact]
    public async Task Search_rejects_unknown_kinds_and_out_of_range_sizes()
    {
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "UNKNOWN_KIND", () => Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = "x", Kinds = { "Planet" } }));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "OUT_OF_RANGE", () => Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = "x", PageSize = 101 }));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "FIELD_TOO_LONG", () => Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = new string('a', 257) }));
    }
}
