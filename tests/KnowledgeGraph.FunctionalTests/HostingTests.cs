using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests;

/// <summary>What every host offers besides its API: JSON transcoding, health, reflection, limits.</summary>
[Collection(ServicesCollection.Name)]
public sealed class HostingTests(SharedServices shared)
{
    [Fact]
    public async Task Json_transcoding_creates_and_reads_over_http1()
    {
        using var http = shared.Services.EntitiesHost.CreateHttpClient();
        var id = UniqueId("json");
        using var created = await http.PostAsJsonAsync($"/v1/entities?entity_id={id}", new { kind = "Country", displayName = "Json Land" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.False(string.IsNullOrEmpty(created.Headers.GetValues("x-kg-consistency-token").Single()));

        var fetched = await http.GetFromJsonAsync<JsonElement>($"/v1/entities/{id}");
        Assert.Equal("Json Land", fetched.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Json_errors_carry_the_status_details()
    {
        using var http = shared.Services.EntitiesHost.CreateHttpClient();
        using var response = await http.GetAsync("/v1/entities/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("ResourceInfo", body);
        Assert.Contains("entities/does-not-exist", body);
    }

    [Fact]
    public async Task Health_endpoints_report_the_store_location()
    {
        using var http = shared.Services.QueriesHost.CreateHttpClient();
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var location = health.GetProperty("checks").GetProperty("store").GetProperty("data").GetProperty("location").GetString();
        Assert.Equal($"sqlite:{Path.Combine(shared.Services.DataPath, "graph.db")}", location);

        using var alive = await http.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task The_grpc_health_service_says_serving()
    {
        var client = new Health.HealthClient(shared.Services.RelationshipsHost.Channel);
        var response = await client.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_lists_the_service()
    {
        var client = new ServerReflection.ServerReflectionClient(shared.Services.QueriesHost.Channel);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("knowledgegraph.v1.QueryService", services);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused()
    {
        var entity = Entity("Country", "Huge");
        entity.Description = new string('x', 17 * 1024 * 1024);
        var error = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () =>
            await shared.Services.Entities.CreateEntityAsync(new KnowledgeGraph.V1.CreateEntityRequest { EntityId = UniqueId("huge"), Entity = entity }));
        Assert.Equal(global::Grpc.Core.StatusCode.ResourceExhausted, error.StatusCode);
    }
}
