using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

public sealed class OptionsTests
{
    [Fact]
    public void A_full_connection_string_parses()
    {
        var options = Neo4jStoreOptions.Parse("Endpoint=https://host:7473;Database=graph;Username=neo4j;Password=pw;Timeout=12.5;MaxRetries=5");
        Assert.Equal(new Uri("https://host:7473"), options.Endpoint);
        Assert.Equal(("graph", "neo4j", "pw"), (options.Database, options.Username, options.Password));
        Assert.Equal(13, options.MaxExecutionTimeSeconds);
        Assert.Equal(TimeSpan.FromSeconds(12.5), options.Timeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal("https://host:7473/db/graph", options.Location);
    }

    [Theory]
    [InlineData("p;w=d")]
    [InlineData("a\"quote'd;pass=word")]
    [InlineData("'; Timeout=1")]
    public void A_password_quoted_as_the_apphost_quotes_it_survives_parsing(string password)
    {
        // AppHost/GraphStoreSettings.cs quotes the password with DbConnectionStringBuilder's own rules.
        var quoted = new System.Text.StringBuilder("Endpoint=https://host:7473;Username=neo4j;");
        System.Data.Common.DbConnectionStringBuilder.AppendKeyValuePair(quoted, "Password", password);

        var options = Neo4jStoreOptions.Parse(quoted.ToString());

        Assert.Equal(password, options.Password);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    [Fact]
    public void An_unquoted_password_with_a_semicolon_does_not_survive_which_is_why_the_apphost_quotes_it()
    {
        var options = Neo4jStoreOptions.Parse("Endpoint=https://host:7473;Username=neo4j;Password=p;w=d");
        Assert.NotEqual("p;w=d", options.Password);
    }

    [Fact]
    public void Defaults_apply_and_a_token_is_bearer_auth()
    {
        var options = Neo4jStoreOptions.Parse("Endpoint=https://x.databases.neo4j.io;Token=abc");
        Assert.Equal(("neo4j", "abc", (string?)null), (options.Database, options.Token, options.Username));
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Database=neo4j")]
    [InlineData("Endpoint=neo4j://host:7687;Username=a;Password=b")]
    [InlineData("Endpoint=http://host:7474;Username=a")]
    [InlineData("Endpoint=http://host:7474;Username=a;Password=b;Token=c")]
    [InlineData("Endpoint=http://host:7474;Timeout=soon")]
    [InlineData("Endpoint=http://host:7474;Database=a/b")]
    public void A_bad_connection_string_is_rejected_with_a_reason(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => Neo4jStoreOptions.Parse(connectionString));
        Assert.Contains("Neo4j", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Di_registers_the_store_as_the_graph_store_singleton()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Neo4jServiceCollectionExtensions.AddNeo4jGraphStore(services, "Endpoint=http://localhost:7474;Username=neo4j;Password=p");
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IGraphStore>(provider);
        Assert.IsType<Neo4jGraphStore>(store);
        Assert.Same(store, Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IGraphStore>(provider));
        Assert.Equal("http://localhost:7474/db/neo4j", store.Location);
    }
}
