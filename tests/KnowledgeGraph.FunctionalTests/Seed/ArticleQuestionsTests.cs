using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests.Seed;

/// <summary>
/// The questions a reader of the article (data/sources/us-japan-rare-earths-framework.txt) would
/// ask, asked through the gRPC API of the graph loaded from data/seed/, with the answers the article
/// gives. Dependency questions are asked as of a fixed date, so the answers do not change with the
/// day the tests run.
/// </summary>
[Collection(SeedGraphCollection.Name)]
public sealed class ArticleQuestionsTests(SeedGraphFixture seed)
{
    private const double Tolerance = 1e-12;
    private const string Article = "us-japan-rare-earths-framework";
    private const string Framework = "entities/us-japan-critical-minerals-framework";

    /// <summary>Inside the Sakhalin-2 contracts (which run out between 2028 and 2033), after the framework's signing.</summary>
    private static readonly Timestamp During = Date(2030, 6, 1);

    private KnowledgeGraphServices Services => seed.Services;

    // ---- the seed itself --------------------------------------------------------------------

    [Fact]
    public void The_whole_seed_is_created_without_a_rejected_row()
    {
        Assert.Equal(43, seed.SeedEntities.Count);
        Assert.Equal(75, seed.SeedRelationships.Count);
        Assert.Equal((43, 0, 0, 0), (seed.EntityImport.Created, seed.EntityImport.Updated, seed.EntityImport.Unchanged, seed.EntityImport.Rejected));
        Assert.Equal((75, 0, 0, 0), (seed.RelationshipImport.Created, seed.RelationshipImport.Updated, seed.RelationshipImport.Unchanged, seed.RelationshipImport.Rejected));
        Assert.Empty(seed.EntityImport.Errors);
        Assert.Empty(seed.RelationshipImport.Errors);
    }

    [Fact]
    public async Task The_store_holds_exactly_the_seed_rows()
    {
        var entities = new List<string>();
        var request = new ListEntitiesRequest { PageSize = 1000 };
        do
        {
            var page = await Services.Entities.ListEntitiesAsync(request, seed.AfterImport);
            entities.AddRange(page.Entities.Select(e => e.Name));
            request.PageToken = page.NextPageToken;
        } while (request.PageToken != "");
        Assert.Equal(seed.SeedEntities.Select(e => e.Name).Order(), entities.Order());

        var relationships = await ListAsync("");
        Assert.Equal(seed.SeedRelationships.Select(r => r.Name).Order(), relationships.Select(r => r.Name).Order());
    }

    [Fact]
    public void Every_seed_fact_cites_a_sentence()
    {
        foreach (var entity in seed.SeedEntities)
            Assert.Contains(entity.Sources, s => s.Document == Article && s.Quote.Length > 20);
        foreach (var relationship in seed.SeedRelationships)
            Assert.Contains(relationship.Sources, s => s.Document == Article && s.Quote.Length > 20);
    }

    // ---- the framework ---------------------------------------------------------------------

    [Fact]
    public async Task The_United_States_and_Japan_are_the_parties_to_the_framework_signed_by_Trump_and_Takaichi()
    {
        var parties = await ListAsync($"target = \"{Framework}\" AND type = \"PARTY_TO\"");
        Assert.Equal(["entities/japan", "entities/united-states"], parties.Select(r => r.Source).Order());
        Assert.All(parties, r => Assert.Equal("signatory", r.Properties["role"].StringValue));

        var signatures = await ListAsync($"target = \"{Framework}\" AND type = \"SIGNED\"");
        Assert.Equal(["entities/donald-trump", "entities/sanae-takaichi"], signatures.Select(r => r.Source).Order());
        Assert.All(signatures, r => Assert.Equal(Date(2025, 10, 28), r.Properties["signed_on"].TimestampValue));
        Assert.All(signatures, r => Assert.Equal("Akasaka Palace, Tokyo", r.Properties["place"].StringValue));
    }

    [Fact]
    public async Task The_framework_covers_rare_earths_critical_minerals_and_a_stockpiling_arrangement()
    {
        var covered = await ListAsync($"source = \"{Framework}\" AND type = \"COVERS\"");
        Assert.Equal(
            ["entities/critical-minerals", "entities/critical-minerals-stockpiling-arrangement", "entities/rare-earths"],
            covered.Select(r => r.Target).Order());

        var stockpiling = await Services.Entities.GetEntityAsync(new GetEntityRequest { Name = "entities/critical-minerals-stockpiling-arrangement" }, seed.AfterImport);
        Assert.Equal("Agreement", stockpiling.Kind);
        Assert.Equal("Mutually complementary stockpiling arrangement", stockpiling.DisplayName);
        var stockpilers = await ListAsync("target = \"entities/critical-minerals-stockpiling-arrangement\" AND type = \"PARTY_TO\"");
        Assert.Equal(["entities/japan", "entities/united-states"], stockpilers.Select(r => r.Source).Order());
    }

    [Fact]
    public async Task The_framework_commits_money_to_selected_projects_within_six_months_of_its_signing()
    {
        var framework = await Services.Entities.GetEntityAsync(new GetEntityRequest { Name = Framework }, seed.AfterImport);

        Assert.Equal("Agreement", framework.Kind);
        var signedOn = framework.Properties["signed_on"].TimestampValue.ToDateTime();
        var deadline = framework.Properties["commitment_deadline"].TimestampValue.ToDateTime();
        Assert.Equal(new DateTime(2025, 10, 28, 0, 0, 0, DateTimeKind.Utc), signedOn);
        Assert.Equal(signedOn.AddMonths(6), deadline);
        Assert.Contains(framework.Sources, s => s.Document == Article && s.Quote.Contains("financial commitments to selected projects within six months", StringComparison.Ordinal));
        Assert.Contains("financial commitments to selected projects within six months", framework.Description, StringComparison.Ordinal);
    }

    // ---- China and rare earths -------------------------------------------------------------

    [Fact]
    public async Task China_processes_more_than_90_percent_of_the_world_s_rare_earths()
    {
        var processing = Assert.Single(await ListAsync("source = \"entities/china\" AND type = \"PROCESSES\""));

        Assert.Equal("relationships/china-processes-rare-earths", processing.Name);
        Assert.Equal("entities/rare-earths", processing.Target);
        Assert.Equal(0.9, processing.Properties["share"].NumberValue, Tolerance);
        Assert.True(processing.Properties["share_is_lower_bound"].BoolValue);
        var source = Assert.Single(processing.Sources);
        Assert.Equal(Article, source.Document);
        Assert.Contains("China currently processes more than 90 percent of the world’s rare earth elements", source.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task If_China_s_processing_stops_rare_earths_and_everything_made_from_them_are_at_least_90_percent_exposed()
    {
        var trace = await Services.Queries.TraceDependenciesAsync(
            new TraceDependenciesRequest { Root = "entities/china", Direction = TraceDirection.Downstream, Commodity = "entities/rare-earths", AsOf = During }, seed.AfterImport);

        // By hand: China PROCESSES rare earths (0.9), which are INPUT_TO five products (weight 1): 0.9 each.
        // The United States relies on China's processing (no share) and EXTRACTS 12 percent of rare
        // earths, a second route of unknown x 0.12: lower 0.9 + 0 = 0.9, upper min(1, 0.9 + 0.12) = 1.
        Assert.False(trace.Truncated);
        string[] products = ["entities/advanced-electronics", "entities/batteries", "entities/defense-equipment", "entities/rare-earths", "entities/renewable-energy-systems", "entities/semiconductors"];
        var fromProcessing = trace.Dependencies.Where(d => products.Contains(d.Entity.Name)).ToList();
        Assert.Equal(products, fromProcessing.Select(d => d.Entity.Name).Order());
        Assert.All(fromProcessing, d => Assert.Equal((0.9, 1.0), (Math.Round(d.ExposureLower, 12), d.ExposureUpper)));
        Assert.All(fromProcessing, d => Assert.Equal(0.9, d.Exposure, Tolerance));

        // Japan and the United States rely on China's processing, without a share: [0, 1].
        foreach (var country in new[] { "entities/japan", "entities/united-states" })
        {
            var relying = Assert.Single(trace.Dependencies, d => d.Entity.Name == country);
            Assert.Equal((0.0, 1.0, false), (relying.ExposureLower, relying.ExposureUpper, relying.Quantified));
            var reliance = Assert.Single(Assert.Single(relying.Routes).Path.Hops).Relationship;
            Assert.Equal(("DEPENDS_ON", "entities/rare-earths"), (reliance.Type, reliance.Properties["commodity"].StringValue));
            Assert.Contains(reliance.Sources, s => s.Quote.Contains("reduce reliance on China’s control of rare earth processing", StringComparison.Ordinal));
        }

        var rareEarths = Assert.Single(trace.Dependencies, d => d.Entity.Name == "entities/rare-earths");
        Assert.Equal(2, rareEarths.Routes.Count);
        var direct = rareEarths.Routes[0];
        var hop = Assert.Single(direct.Path.Hops);
        Assert.Equal("relationships/china-processes-rare-earths", hop.Relationship.Name);
        Assert.Equal(0.9, hop.Weight, Tolerance);

        var semiconductors = Assert.Single(trace.Dependencies, d => d.Entity.Name == "entities/semiconductors");
        var route = semiconductors.Routes[0];
        Assert.Equal("entities/china", route.Path.Start.Name);
        Assert.Equal(["entities/rare-earths", "entities/semiconductors"], route.Path.Hops.Select(h => h.Entity.Name));
        Assert.Equal(["relationships/china-processes-rare-earths", "relationships/rare-earths-input-to-semiconductors"], route.Path.Hops.Select(h => h.Relationship.Name));
        Assert.Equal(0.9, route.Contribution, Tolerance);
    }

    [Fact]
    public async Task The_US_Myanmar_Malaysia_and_Vietnam_extract_12_8_4_and_1_percent_according_to_Eurasia_Group()
    {
        var extraction = await ListAsync("target = \"entities/rare-earths\" AND type = \"EXTRACTS\"");

        var shares = extraction.ToDictionary(r => r.Source, r => r.Properties["share"].NumberValue);
        Assert.Equal(4, shares.Count);
        Assert.Equal(0.12, shares["entities/united-states"], Tolerance);
        Assert.Equal(0.08, shares["entities/myanmar"], Tolerance);
        Assert.Equal(0.04, shares["entities/malaysia"], Tolerance);
        Assert.Equal(0.01, shares["entities/vietnam"], Tolerance);
        foreach (var relationship in extraction)
        {
            var source = Assert.Single(relationship.Sources);
            Assert.Equal("Eurasia Group", source.ReportedBy);
            Assert.Equal(Article, source.Document);
            Assert.EndsWith("according to data from Eurasia Group.", source.Quote, StringComparison.Ordinal);
        }
    }

    // ---- Japan's gas and Russia ------------------------------------------------------------

    [Fact]
    public async Task Japan_depends_on_Russia_for_9_percent_of_its_gas_through_Sakhalin_2_until_2033()
    {
        var trace = await Services.Queries.TraceDependenciesAsync(GasTrace(During), seed.AfterImport);

        Assert.False(trace.Truncated);
        Assert.Equal("entities/japan", trace.Root.Name);
        Assert.Equal(["entities/russia", "entities/sakhalin-2"], trace.Dependencies.Take(2).Select(d => d.Entity.Name));
        var russia = Assert.Single(trace.Dependencies, d => d.Entity.Name == "entities/russia");
        // At least the 9 percent through Sakhalin-2; at most all of it, since the direct imports from
        // Russia the article mentions come without a share (Article/JapanGasTraceTests has the whole trace).
        Assert.Equal(0.09, russia.Exposure, Tolerance);
        Assert.Equal((0.09, 1.0), (russia.ExposureLower, russia.ExposureUpper));
        Assert.Equal(1, russia.MinDepth);

        Assert.Equal(2, russia.Routes.Count);
        var route = russia.Routes[0];
        Assert.Equal(0.09, route.Contribution, Tolerance);
        Assert.Equal("entities/japan", route.Path.Start.Name);
        Assert.Equal(["entities/sakhalin-2", "entities/russia"], route.Path.Hops.Select(h => h.Entity.Name));
        Assert.Equal(["relationships/sakhalin-2-supplies-japan", "relationships/sakhalin-2-located-in-russia"], route.Path.Hops.Select(h => h.Relationship.Name));
        Assert.Equal([Direction.Incoming, Direction.Outgoing], route.Path.Hops.Select(h => h.Direction));
        Assert.Equal([0.09, 1.0], route.Path.Hops.Select(h => h.Weight));
        Assert.Null(route.Path.ValidFrom);
        Assert.Equal(Date(2033), route.Path.ValidTo);

        // The evidence: the supply link says what, how much, until when, and quotes the article.
        var supply = route.Path.Hops[0].Relationship;
        Assert.Equal("SUPPLIES", supply.Type);
        Assert.Equal("entities/natural-gas", supply.Properties["commodity"].StringValue);
        Assert.Equal(Date(2033), supply.ValidTo);
        Assert.Contains(supply.Sources, s => s.Document == Article
            && s.Quote == "However, Japan still relies on Russia’s Sakhalin-2 LNG project for around 9 percent of its gas needs, with most contracts set to expire between 2028 and 2033.");
        Assert.Contains(route.Path.Hops[1].Relationship.Sources, s => s.Quote.Contains("Russia’s Sakhalin-2 LNG project", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2032, 12, 31, 0.09)]
    [InlineData(2033, 1, 1, 0.0)]
    [InlineData(2034, 1, 1, 0.0)]
    public async Task Japan_s_known_gas_exposure_to_Russia_ends_when_the_Sakhalin_2_contracts_do(int year, int month, int day, double expected)
    {
        var trace = await Services.Queries.TraceDependenciesAsync(GasTrace(Date(year, month, day)), seed.AfterImport);

        Assert.Equal(Date(year, month, day), trace.AsOf);
        var russia = Assert.Single(trace.Dependencies, d => d.Entity.Name == "entities/russia");
        Assert.Equal(expected, russia.ExposureLower, Tolerance);
        // The imports from Russia stated without a share still count, with an unknown weight.
        Assert.Equal(1.0, russia.ExposureUpper);
        Assert.Equal(expected > 0, trace.Dependencies.Any(d => d.Entity.Name == "entities/sakhalin-2"));
    }

    [Fact]
    public async Task The_only_supply_route_from_Japan_to_Russia_runs_through_Sakhalin_2()
    {
        var request = new FindPathsRequest
        {
            Source = "entities/japan",
            Target = "entities/russia",
            RelationshipTypes = { "SUPPLIES", "LOCATED_IN" },
            Direction = Direction.Both,
            Mode = PathMode.AllSimple,
            AsOf = During,
        };

        var paths = await Services.Queries.FindPathsAsync(request, seed.AfterImport);

        Assert.False(paths.Truncated);
        var path = Assert.Single(paths.Paths);
        Assert.Equal("entities/japan", path.Start.Name);
        Assert.Equal(["entities/sakhalin-2", "entities/russia"], path.Hops.Select(h => h.Entity.Name));
        Assert.Equal(["SUPPLIES", "LOCATED_IN"], path.Hops.Select(h => h.Relationship.Type));
        Assert.Equal([Direction.Incoming, Direction.Outgoing], path.Hops.Select(h => h.Direction));
        Assert.Equal(Date(2033), path.ValidTo);

        request.AsOf = Date(2034);
        Assert.Empty((await Services.Queries.FindPathsAsync(request, seed.AfterImport)).Paths);
    }

    [Fact]
    public async Task Japan_imports_gas_and_oil_from_Russia_directly_while_it_seeks_to_reduce_that_dependence()
    {
        var paths = await Services.Queries.FindPathsAsync(
            new FindPathsRequest { Source = "entities/japan", Target = "entities/russia", AsOf = During }, seed.AfterImport);

        var hops = paths.Paths.Select(p => Assert.Single(p.Hops)).ToList();
        Assert.Equal(["relationships/japan-imports-from-russia", "relationships/japan-imports-oil-from-russia"], hops.Select(h => h.Relationship.Name));
        Assert.All(hops, hop => Assert.Equal(("IMPORTS_FROM", Direction.Outgoing), (hop.Relationship.Type, hop.Direction)));
        Assert.Equal(["entities/natural-gas", "entities/oil"], hops.Select(h => h.Relationship.Properties["commodity"].StringValue));
        Assert.Contains(hops[0].Relationship.Sources, s => s.Quote.Contains("reduce dependence on Australian and Russian supplies", StringComparison.Ordinal));
        Assert.Contains(hops[1].Relationship.Sources, s => s.Quote.Contains("to halt imports from Russia by imposing sanctions on Rosneft and Lukoil, two of Moscow’s largest oil exporters", StringComparison.Ordinal));
    }

    // ---- LNG deals -------------------------------------------------------------------------

    [Fact]
    public async Task Jera_buys_up_to_5_5_mtpa_of_US_LNG_under_20_year_contracts_from_2030()
    {
        var deal = Assert.Single(await ListAsync("source = \"entities/jera\" AND type = \"PURCHASES_FROM\""));

        Assert.Equal("relationships/jera-purchases-lng-from-united-states", deal.Name);
        Assert.Equal("entities/united-states", deal.Target);
        Assert.Equal(("entities/natural-gas", "LNG"), (deal.Properties["commodity"].StringValue, deal.Properties["form"].StringValue));
        Assert.Equal(5.5, deal.Properties["volume_mtpa"].NumberValue, Tolerance);
        Assert.True(deal.Properties["volume_is_maximum"].BoolValue);
        Assert.Equal(20, deal.Properties["term_years"].IntegerValue);
        Assert.Equal(Date(2030), deal.ValidFrom);
        Assert.Equal(Date(2050), deal.ValidTo);
        Assert.Contains(deal.Sources, s => s.Quote.Contains("up to 5.5 million metric tons per annum of LNG from US suppliers under 20-year contracts beginning around 2030", StringComparison.Ordinal));

        var parties = await ListAsync("target = \"entities/jera-us-lng-contracts\" AND type = \"PARTY_TO\"");
        Assert.Equal(["entities/jera"], parties.Select(r => r.Source));
        Assert.Equal("buyer", parties[0].Properties["role"].StringValue);
    }

    [Fact]
    public async Task Tokyo_Gas_signed_a_preliminary_deal_for_1_mtpa_from_Alaska_LNG_besides_its_Gulf_Coast_commitments()
    {
        var deals = (await ListAsync("source = \"entities/tokyo-gas\" AND type = \"PURCHASES_FROM\"")).ToDictionary(r => r.Target);

        Assert.Equal(["entities/alaska-lng", "entities/us-gulf-coast-lng"], deals.Keys.Order());
        var alaska = deals["entities/alaska-lng"];
        Assert.Equal(1.0, alaska.Properties["volume_mtpa"].NumberValue, Tolerance);
        Assert.Equal("preliminary", alaska.Properties["status"].StringValue);
        Assert.Equal(("entities/natural-gas", "LNG"), (alaska.Properties["commodity"].StringValue, alaska.Properties["form"].StringValue));
        Assert.Contains(alaska.Sources, s => s.Quote.Contains("preliminary deal to buy 1 million metric tons of LNG annually from the Alaska LNG project", StringComparison.Ordinal));
        Assert.Equal("existing", deals["entities/us-gulf-coast-lng"].Properties["status"].StringValue);

        // Both LNG projects are in the United States.
        foreach (var project in new[] { "entities/alaska-lng", "entities/us-gulf-coast-lng" })
        {
            var located = Assert.Single(await ListAsync($"source = \"{project}\" AND type = \"LOCATED_IN\""));
            Assert.Equal("entities/united-states", located.Target);
        }
    }

    // ---- sanctions -------------------------------------------------------------------------

    [Fact]
    public async Task The_United_States_sanctions_Rosneft_and_Lukoil_two_Russian_oil_exporters()
    {
        var sanctions = await ListAsync("type = \"SANCTIONS\"");

        Assert.Equal(
            [("entities/united-states", "entities/lukoil"), ("entities/united-states", "entities/rosneft")],
            sanctions.Select(r => (r.Source, r.Target)).Order());
        Assert.All(sanctions, r => Assert.Contains(r.Sources, s => s.Quote.Contains("imposing sanctions on Rosneft and Lukoil", StringComparison.Ordinal)));

        foreach (var company in new[] { "entities/lukoil", "entities/rosneft" })
        {
            var located = Assert.Single(await ListAsync($"source = \"{company}\" AND type = \"LOCATED_IN\""));
            Assert.Equal("entities/russia", located.Target);
        }
    }

    // ---- search ----------------------------------------------------------------------------

    [Theory]
    [InlineData("Beijing", "entities/china")]
    [InlineData("beijing", "entities/china")]
    [InlineData("BEIJING", "entities/china")]
    [InlineData("Béijīng", "entities/china")]
    [InlineData("Moscow", "entities/russia")]
    [InlineData("Washington", "entities/united-states")]
    [InlineData("sakhalin", "entities/sakhalin-2")]
    [InlineData("SAKHALIN-2", "entities/sakhalin-2")]
    [InlineData("Sakhalín", "entities/sakhalin-2")]
    [InlineData("jera", "entities/jera")]
    public async Task Search_finds_the_article_s_names_whatever_their_case_and_accents(string query, string expected)
    {
        var found = await Services.Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = query }, seed.AfterImport);

        Assert.NotEmpty(found.Results);
        Assert.Equal(expected, found.Results[0].Entity.Name);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static TraceDependenciesRequest GasTrace(Timestamp asOf) => new()
    {
        Root = "entities/japan",
        Direction = TraceDirection.Upstream,
        Commodity = "entities/natural-gas",
        AsOf = asOf,
    };

    /// <summary>Every relationship the filter selects, over all pages.</summary>
    private async Task<List<Relationship>> ListAsync(string filter)
    {
        var all = new List<Relationship>();
        var request = new ListRelationshipsRequest { Filter = filter, PageSize = 1000 };
        do
        {
            var page = await Services.Relationships.ListRelationshipsAsync(request, seed.AfterImport);
            all.AddRange(page.Relationships);
            request.PageToken = page.NextPageToken;
        } while (request.PageToken != "");
        return all;
    }
}
