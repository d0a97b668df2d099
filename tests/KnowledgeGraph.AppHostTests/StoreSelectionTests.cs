using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace KnowledgeGraph.AppHostTests;

/// <summary>
/// The AppHost's application model for each store choice, built but not started (Neo4j cannot run
/// on these machines), checked through the environment each service would receive.
/// </summary>
public sealed class StoreSelectionTests
{
    [Fact]
    public async Task The_default_is_the_embedded_store_in_the_data_path()
    {
        var (model, builder) = await AppModel.BuildAsync("--Parameters:data-path=/tmp/kg-model-test");
        await using var _ = builder;
        foreach (var service in new[] { "entities", "relationships", "queries" })
        {
            var environment = await AppModel.EnvironmentOfAsync(model, service);
            Assert.Equal("Embedded", environment["KnowledgeGraph__Store"]);
            Assert.Equal("{data-path.value}", environment["KnowledgeGraph__DataPath"]);
            Assert.False(environment.ContainsKey("ConnectionStrings__neo4j"));
        }
        Assert.DoesNotContain(model.Resources, r => r.Name.StartsWith("neo4j", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Store_Neo4j_wires_an_existing_server_with_a_secret_password()
    {
        var (model, builder) = await AppModel.BuildAsync("--Parameters:store=Neo4j", "--Parameters:neo4j-endpoint=https://db.example:7473", "--Parameters:neo4j-password=s3cret");
        await using var _ = builder;
        var environment = await AppModel.EnvironmentOfAsync(model, "queries");
        Assert.Equal("Neo4j", environment["KnowledgeGraph__Store"]);
        Assert.Equal("{neo4j.connectionString}", environment["ConnectionStrings__neo4j"]);
        Assert.True(((ParameterResource)model.Resources.Single(r => r.Name == "neo4j-password")).Secret);
        Assert.False(environment.ContainsKey("KnowledgeGraph__DataPath"));
    }

    [Fact]
    public async Task Store_Neo4jContainer_adds_a_neo4j_5_26_container_the_services_wait_for()
    {
        var (model, builder) = await AppModel.BuildAsync("--Parameters:store=Neo4jContainer", "--Parameters:neo4j-password=s3cret");
        await using var _ = builder;
        var container = model.Resources.Single(r => r.Name == "neo4j-server");
        Assert.True(container.TryGetContainerImageName(out var image));
        Assert.Equal("neo4j:5.26", image);
        var queries = model.Resources.Single(r => r.Name == "queries");
        Assert.Contains(queries.Annotations.OfType<WaitAnnotation>(), wait => wait.Resource == container);
    }

    [Fact]
    public async Task A_password_with_separators_and_quotes_reaches_the_services_intact()
    {
        const string password = "p;w=\"x'y";
        var (model, builder) = await AppModel.BuildAsync("--Parameters:store=Neo4j", "--Parameters:neo4j-endpoint=https://db.example:7473", $"--Parameters:neo4j-password={password}");
        await using var _ = builder;
        var connection = (IResourceWithConnectionString)model.Resources.Single(r => r.Name == "neo4j");

        var connectionString = await connection.GetConnectionStringAsync();

        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        Assert.Equal(password, parsed["Password"]);
        Assert.Equal("https://db.example:7473", parsed["Endpoint"]);
    }
}
