using KnowledgeGraph.Application;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Tests.Contract;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Store;

/// <summary>
/// The application core over the Neo4j store answers as it does over the embedded one: the query
/// meanings live in the core, and the store only reads. (Before, Neo4j scored search itself and
/// reported matched_field "aliases", and counted returned paths as expanded relationships.)
/// </summary>
public sealed class ApplicationOverNeo4jTests
{
    /// <summary>The core answering from the store itself (the engine a graph too large for one Queries replica uses on Neo4j).</summary>
    private static QueryHandler Queries(Fixture fixture)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{QueryOptions.Section}:Engine"] = nameof(QueryEngineKind.Store) })
            .Build();
        return new ServiceCollection()
            .AddSingleton<IGraphStore>(fixture.Store)
            .AddKnowledgeGraphApplication(configuration)
            .AddKnowledgeGraphQueries(configuration)
            .BuildServiceProvider()
            .GetRequiredService<QueryHandler>();
    }

    [Fact]
    public async Task Search_reports_an_alias_match_as_alias_and_ranks_it_in_the_core()
    {
        var fixture = new Fixture();
        var sakhalin = new Entity { Name = "entities/sakhalin-2", Kind = "Project", DisplayName = "Sakhalin-2", Aliases = { "Sakhalin II" }, Etag = "e1" };
        fixture.Api
            .Accept(FakeQueryApi.Rows(["id", "name", "search_text"], ["sakhalin-2", "entities/sakhalin-2", "sakhalin 2|sakhalin ii|sakhalin 2"]))
            .Accept(FakeQueryApi.Rows(Stored.Columns, Stored.Row(sakhalin)));

        var response = await Queries(fixture).SearchEntitiesAsync(new SearchEntitiesRequest { Query = "Sakhalin II" }, CallContext.None);

        var result = Assert.Single(response.Results);
        Assert.Equal(("alias", "Sakhalin II", 1.0), (result.MatchedField, result.MatchedText, result.Score));
        Assert.Equal(EntityStatements.SearchCandidates.Text, fixture.Api.Requests[0].Statement);
    }

    [Fact]
    public async Task FindPaths_counts_the_relationships_it_expanded_from_one_frontier_statement_per_level()
    {
        var fixture = new Fixture();
        fixture.Api
            .Accept(FakeQueryApi.Rows(Stored.Columns, Stored.Row(Stored.Country("russia")), Stored.Row(Stored.Country("japan"))))
            .Accept(FakeQueryApi.Rows(Stored.Columns, Stored.Row(Stored.Supplies("a", "russia", "japan")), Stored.Row(Stored.Supplies("b", "russia", "korea"))))
            .Accept(FakeQueryApi.Rows(Stored.Columns, Stored.Row(Stored.Country("russia")), Stored.Row(Stored.Country("japan"))));

        var response = await Queries(fixture).FindPathsAsync(new FindPathsRequest { Source = "entities/russia", Target = "entities/japan" }, CallContext.None);

        Assert.Equal(["relationships/a"], response.Paths.Select(p => p.Hops.Single().Relationship.Name));
        Assert.Equal(2, response.ExpandedRelationships);
        Assert.False(response.Truncated);
        Assert.Equal(RelationshipStatements.Outgoing.Text, fixture.Api.Requests[1].Statement);
    }
}
