using KnowledgeGraph.Store.Neo4j.Tests.Contract;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Store;

/// <summary>
/// The hosts give every HttpClient the standard resilience handler (ServiceDefaults/Extensions.cs,
/// ConfigureHttpClientDefaults). The store's client must not have it: it would cut requests at 10 s and
/// resend statements and commits of a transaction.
/// </summary>
public sealed class HttpClientResilienceTests
{
    private static ServiceProvider HostLikeServices()
    {
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        services.AddNeo4jGraphStore("Endpoint=http://localhost:7474;Username=neo4j;Password=p");
        services.AddHttpClient("another-client");
        return services.BuildServiceProvider();
    }

    private static List<Type> Handlers(ServiceProvider provider, string client)
    {
        var handlers = new List<Type>();
        for (var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(client) as DelegatingHandler;
             handler is not null;
             handler = handler.InnerHandler as DelegatingHandler)
            handlers.Add(handler.GetType());
        return handlers;
    }

    [Fact]
    public void The_stores_client_has_no_retry_or_timeout_handler_although_the_defaults_add_one()
    {
        using var provider = HostLikeServices();

        Assert.Contains(typeof(ResilienceHandler), Handlers(provider, "another-client"));
        Assert.DoesNotContain(typeof(ResilienceHandler), Handlers(provider, Neo4jServiceCollectionExtensions.HttpClientName));
    }

    [Fact]
    public async Task The_stores_client_sends_a_failing_request_once()
    {
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        services.AddNeo4jGraphStore("Endpoint=http://localhost:7474;Username=neo4j;Password=p");
        var api = new FakeQueryApi();
        for (var i = 0; i < 5; i++) api.Respond(System.Net.HttpStatusCode.ServiceUnavailable, "");
        services.AddHttpClient(Neo4jServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => api);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(Neo4jServiceCollectionExtensions.HttpClientName);

        using var response = await client.PostAsync(new Uri("http://localhost:7474/db/neo4j/query/v2/tx/lyU/commit"), new StringContent("{}"));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(api.Requests);
        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
    }
}
