using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>get, list, search, paths, trace and schema on the seed graph: tables for people, --json for scripts.</summary>
[Collection(SeededCollection.Name)]
public sealed class ReadCommandTests(SeededServices seeded)
{
    private Task<CliResult> Kg(params string[] args) => seeded.Cli.KgAsync(args);

    [Fact]
    public async Task Get_shows_an_entity_with_its_identifiers_and_sources()
    {
        var table = await Kg("get", "japan");
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("entities/japan", table.Out);
        Assert.Contains("external id iso3166_alpha2", table.Out);
        Assert.Contains("JP", table.Out);
        Assert.Contains("us-japan-rare-earths-framework", table.Out);

        var json = await Kg("get", "entities/japan", "--json");
        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        var entity = Json.Parse<Entity>(json.Out);
        Assert.Equal("Country", entity.Kind);
        Assert.Equal("Japan", entity.DisplayName);
        Assert.Equal("Q17", entity.ExternalIds["wikidata"]);
        Assert.False(string.IsNullOrEmpty(entity.Etag));
    }

    [Fact]
    public async Task Get_shows_a_relationship_with_its_weight_validity_and_quote()
    {
        var table = await Kg("get", "relationships/sakhalin-2-supplies-japan");
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("SUPPLIES", table.Out);
        Assert.Contains("0.09", table.Out);
        Assert.Contains("until 2033-01-01", table.Out);
        Assert.Contains("around 9 percent of its gas needs", table.Out);

        var relationship = Json.Parse<Relationship>((await Kg("get", "relationships/sakhalin-2-supplies-japan", "--json")).Out);
        Assert.Equal("entities/sakhalin-2", relationship.Source);
        Assert.Equal(0.09, relationship.Properties["share"].NumberValue);
    }

    [Fact]
    public async Task List_filters_pages_and_fetches_all_pages()
    {
        var countries = await Kg("list", "entities", "--filter", "kind = \"Country\"", "--all");
        Assert.True(countries.ExitCode == ExitCodes.Ok, countries.ToString());
        Assert.Contains("entities/south-korea", countries.Out);
        Assert.Contains("9 entities.", countries.Out);
        Assert.DoesNotContain("entities/jera", countries.Out);

        var page = await Kg("list", "relationships", "--page-size", "10");
        Assert.True(page.ExitCode == ExitCodes.Ok, page.ToString());
        Assert.Contains("10 relationships on this page; more with --page-token", page.Out);

        var all = Json.Parse<ListRelationshipsResponse>((await Kg("list", "relationships", "--all", "--page-size", "7", "--json")).Out);
        Assert.Equal(SeedFiles.RelationshipCount, all.Relationships.Count);
        Assert.Equal(SeedFiles.RelationshipCount, all.Relationships.Select(r => r.Name).Distinct().Count());
        Assert.Empty(all.NextPageToken);
    }

    [Fact]
    public async Task Search_finds_entities_by_alias_and_kind()
    {
        var table = await Kg("search", "Nippon");
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("entities/japan", table.Out);

        var json = Json.Parse<SearchEntitiesResponse>((await Kg("search", "lng", "--kind", "Project", "--json")).Out);
        Assert.NotEmpty(json.Results);
        Assert.All(json.Results, r => Assert.Equal("Project", r.Entity.Kind));
        Assert.Contains(json.Results, r => r.Entity.Name == "entities/alaska-lng");
    }

    [Fact]
    public async Task Paths_show_each_hop_with_its_relationship()
    {
        var table = await Kg("paths", "japan", "russia", "--types", "SUPPLIES,LOCATED_IN", "--direction", "both");
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("Path 1: 2 hop(s)", table.Out);
        Assert.Contains("←[SUPPLIES commodity=entities/natural-gas, share=0.09]─ Sakhalin-2 (Project)", table.Out);
        Assert.Contains("─[LOCATED_IN city=Sakhalin]→ Russia (Country)", table.Out);

        var json = Json.Parse<FindPathsResponse>((await Kg("paths", "japan", "russia", "--types", "SUPPLIES", "--types", "LOCATED_IN", "--direction", "both", "--json")).Out);
        var path = Assert.Single(json.Paths);
        Assert.Equal(["relationships/sakhalin-2-supplies-japan", "relationships/sakhalin-2-located-in-russia"], path.Hops.Select(h => h.Relationship.Name));
    }

    [Fact]
    public async Task Paths_as_of_a_date_after_the_contracts_leave_out_the_expired_link()
    {
        var result = await Kg("paths", "japan", "russia", "--types", "SUPPLIES,LOCATED_IN", "--direction", "both", "--as-of", "2034-06-01", "--json");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Empty(Json.Parse<FindPathsResponse>(result.Out).Paths);
    }

    [Fact]
    public async Task Trace_upstream_gives_japans_gas_exposure_to_russia_and_its_route()
    {
        var table = await Kg("trace", "japan", "--upstream", "--commodity", "natural-gas", "--as-of", "2030-01-01");
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("Russia (Country): exposure 9%", table.Out);
        Assert.Contains("9% via Japan ←[SUPPLIES", table.Out);

        var json = Json.Parse<TraceDependenciesResponse>((await Kg("trace", "japan", "--upstream", "--commodity", "natural-gas", "--as-of", "2030-01-01", "--json")).Out);
        var russia = Assert.Single(json.Dependencies, d => d.Entity.Name == "entities/russia");
        Assert.Equal(0.09, russia.Exposure, 9);

        // After the Sakhalin-2 contracts end, only the imports from Russia stated without a share are left.
        var later = Json.Parse<TraceDependenciesResponse>((await Kg("trace", "japan", "--upstream", "--commodity", "natural-gas", "--as-of", "2034-01-01", "--json")).Out);
        var russiaLater = Assert.Single(later.Dependencies, d => d.Entity.Name == "entities/russia");
        Assert.Equal((0.0, 1.0), (russiaLater.ExposureLower, russiaLater.ExposureUpper));
        Assert.DoesNotContain(later.Dependencies, d => d.Entity.Name == "entities/sakhalin-2");
    }

    [Fact]
    public async Task Trace_downstream_shows_who_depends_on_chinas_rare_earth_processing()
    {
        var result = await Kg("trace", "china", "--downstream", "--json");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var trace = Json.Parse<TraceDependenciesResponse>(result.Out);
        var rareEarths = Assert.Single(trace.Dependencies, d => d.Entity.Name == "entities/rare-earths");
        Assert.Equal(0.9, rareEarths.Exposure, 9);
        Assert.Contains(trace.Dependencies, d => d.Entity.Name == "entities/semiconductors");
    }

    [Fact]
    public async Task Schema_lists_kinds_and_types_with_their_dependency_meaning()
    {
        var table = await Kg("schema");
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains("SUPPLIES", table.Out);
        Assert.Contains("target depends on source", table.Out);
        Assert.Contains("share:NUMBER", table.Out);

        var schema = Json.Parse<Schema>((await Kg("schema", "--json")).Out);
        Assert.Equal(8, schema.EntityKinds.Count);
        var purchases = Assert.Single(schema.RelationshipTypes, t => t.Name == "PURCHASES_FROM");
        Assert.Equal((DependencyDirection.SourceDependsOnTarget, "share"), (purchases.Dependency.Direction, purchases.Dependency.WeightProperty));
        Assert.False(purchases.Properties.Single(p => p.Name == "share").Required);
    }
}
