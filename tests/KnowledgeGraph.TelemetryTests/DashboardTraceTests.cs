using System.Diagnostics;
using Grpc.Health.V1;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.Store;
using KnowledgeGraph.V1;
using Microsoft.Extensions.DependencyInjection;
using static KnowledgeGraph.TelemetryTests.TestData;

namespace KnowledgeGraph.TelemetryTests;

/// <summary>What the dashboard's Traces page shows: real requests with their store spans, and nothing from health probes.</summary>
public sealed class DashboardTraceTests : IAsyncLifetime
{
    private ObservedServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new ObservedServices();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();

    [Fact]
    public async Task A_health_probe_leaves_no_trace_while_a_real_request_does()
    {
        var host = _services.EntitiesHost;
        using var http = host.CreateHttpClient();
        (await http.GetAsync("/health")).EnsureSuccessStatusCode();
        (await http.GetAsync("/alive")).EnsureSuccessStatusCode();
        await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());
        // A store call with nothing traced around it, as the gRPC health service's background publisher makes.
        Assert.Null(Activity.Current);
        await host.Services.GetRequiredService<IGraphStore>().PingAsync(CancellationToken.None);

        await _services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = "elbonia", Entity = Country("elbonia") });
        (await http.GetAsync("/v1/entities/elbonia")).EnsureSuccessStatusCode();

        var request = await host.SpanAsync(s => s.Kind == ActivityKind.Server && s.DisplayName == "GET /v1/{name=entities/*}");
        Assert.Equal("/v1/entities/elbonia", request.GetTagItem("url.path"));
        var read = await host.SpanAsync(s => s.Source.Name == TelemetryNames.Store && s.ParentSpanId == request.SpanId);
        Assert.Equal(request.TraceId, read.TraceId);

        var serverPaths = host.Spans.Where(s => s.Kind == ActivityKind.Server).Select(s => s.GetTagItem("url.path") as string).ToList();
        Assert.DoesNotContain("/health", serverPaths);
        Assert.DoesNotContain("/alive", serverPaths);
        Assert.DoesNotContain("/grpc.health.v1.Health/Check", serverPaths);
        Assert.DoesNotContain(host.Spans, s => s.Source.Name == TelemetryNames.Store && s.Parent is null && s.ParentSpanId == default);
        Assert.DoesNotContain(host.Spans, s => s.DisplayName.EndsWith(" Ping", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_json_call_is_named_after_the_route_the_api_declares()
    {
        foreach (var id in new[] { "freedonia", "sylvania" })
            await _services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = id, Entity = Country(id) });
        using var http = _services.QueriesHost.CreateHttpClient();
        http.DefaultRequestHeaders.Add(KnowledgeGraph.Protocol.ApiHeaders.ConsistencyToken, _services.Session.Token);

        (await http.GetAsync("/v1/entities/freedonia:findPaths?target=entities/sylvania")).EnsureSuccessStatusCode();

        var span = await _services.QueriesHost.SpanAsync(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/v1/entities/freedonia:findPaths");
        Assert.Equal("GET /v1/{source=entities/*}:findPaths", span.DisplayName);
        Assert.Equal("/v1/{source=entities/*}:findPaths", span.GetTagItem("http.route"));
    }
}
