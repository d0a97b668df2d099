using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using KnowledgeGraph.V1;
using OpenTelemetry.Metrics;
using static KnowledgeGraph.TelemetryTests.TestData;

namespace KnowledgeGraph.TelemetryTests;

/// <summary>The metrics the dashboard's Metrics page shows, after real calls to the three services.</summary>
public sealed class DashboardMetricsTests : IAsyncLifetime
{
    private const string FindPaths = "knowledgegraph.v1.QueryService/FindPaths";
    private ObservedServices _services = null!;

    public Task InitializeAsync()
    {
        _services = new ObservedServices();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();

    // Found by the fuzz tests: the reset surfaced as an IOException, logged as a failure of the service and counted UNKNOWN.
    [Fact]
    public async Task An_import_the_client_abandons_halfway_is_counted_as_cancelled()
    {
        const string import = "knowledgegraph.v1.EntityService/ImportEntities";
        long Count(IReadOnlyDictionary<string, MetricSnapshot> metrics, string status) =>
            metrics.TryGetValue("kg.calls", out _) ? metrics.Sum("kg.calls", ("rpc.method", import), ("rpc.response.status_code", status)) : 0;
        var before = _services.EntitiesHost.CollectMetrics();

        using var cancel = new CancellationTokenSource();
        using var call = _services.Entities.ImportEntities(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { Country("abandonia") } });
        await cancel.CancelAsync();
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        // The server notices the reset after the client has gone: wait for the call to be counted.
        var counted = before;
        for (var attempt = 0; attempt < 100 && Count(counted, "CANCELLED") == Count(before, "CANCELLED"); attempt++)
        {
            await Task.Delay(50);
            counted = _services.EntitiesHost.CollectMetrics();
        }
        Assert.Equal(1, Count(counted, "CANCELLED") - Count(before, "CANCELLED"));
        Assert.Equal(0, Count(counted, "UNKNOWN") - Count(before, "UNKNOWN"));
    }

    [Fact]
    public async Task Calls_are_counted_by_method_and_status_code_over_grpc_and_json()
    {
        var before = _services.EntitiesHost.CollectMetrics();
        await _services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = "ruritania", Entity = Country("ruritania") });
        await Assert.ThrowsAsync<RpcException>(async () => await _services.Entities.GetEntityAsync(new GetEntityRequest { Name = "entities/atlantis" }));
        using var http = _services.EntitiesHost.CreateHttpClient();
        Assert.Equal("ruritania", (await http.GetFromJsonAsync<JsonElement>("/v1/entities/ruritania")).GetProperty("displayName").GetString());

        var after = _services.EntitiesHost.CollectMetrics();

        var calls = after["kg.calls"];
        Assert.Equal(("{call}", MetricType.LongSum), (calls.Unit, calls.MetricType));
        Assert.Equal("Calls of the Knowledge Graph API (gRPC and JSON alike), by method and status code.", calls.Description);
        Assert.Equal(1, Delta("knowledgegraph.v1.EntityService/CreateEntity", "OK"));
        Assert.Equal(1, Delta("knowledgegraph.v1.EntityService/GetEntity", "OK"));
        Assert.Equal(1, Delta("knowledgegraph.v1.EntityService/GetEntity", "NOT_FOUND"));

        long Delta(string method, string status)
        {
            (string, string)[] series = [("rpc.method", method), ("rpc.response.status_code", status)];
            return after.Sum("kg.calls", series) - before.Sum("kg.calls", series);
        }
    }

    [Fact]
    public async Task Imports_count_their_rows_by_outcome()
    {
        var before = _services.EntitiesHost.CollectMetrics();
        await ImportAsync();

        var after = _services.RelationshipsHost.CollectMetrics();

        var rows = after["kg.import.rows"];
        Assert.Equal(("{row}", MetricType.LongSum), (rows.Unit, rows.MetricType));
        Assert.Equal("Import rows handled, by resource type and outcome (created, updated, unchanged, rejected).", rows.Description);
        Assert.Equal(3, Delta("entity", "created"));
        Assert.Equal(1, Delta("entity", "rejected"));
        Assert.Equal(2, Delta("relationship", "created"));
        Assert.Equal(0, Delta("relationship", "rejected"));

        long Delta(string resourceType, string outcome)
        {
            (string, string)[] series = [("kg.resource.type", resourceType), ("kg.import.outcome", outcome)];
            return after.Sum("kg.import.rows", series) - before.Sum("kg.import.rows", series);
        }
    }

    [Fact]
    public async Task The_graph_size_gauge_shows_what_the_store_holds()
    {
        await ImportAsync();

        var size = await GraphSizeAsync(_services.EntitiesHost, entities: 3, relationships: 2);

        Assert.Equal(("{resource}", MetricType.LongGauge), (size.Unit, size.MetricType));
        Assert.Equal("Entities and relationships in the graph, by resource type.", size.Description);
    }

    [Fact]
    public async Task Queries_record_their_expansions_and_the_bounds_that_truncated_them()
    {
        foreach (var id in new[] { "gondor", "rohan" })
            await _services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = id, Entity = Country(id) });
        foreach (var (id, share) in new[] { ("grain", 0.1), ("horses", 0.2) })
            await _services.Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = id, Relationship = Supplies(id, "gondor", "rohan", share) });
        var before = _services.QueriesHost.CollectMetrics();

        var answer = await _services.Queries.FindPathsAsync(new FindPathsRequest { Source = "entities/gondor", Target = "entities/rohan", MaxPaths = 1 });
        using var http = _services.QueriesHost.CreateHttpClient();
        http.DefaultRequestHeaders.Add(KnowledgeGraph.Protocol.ApiHeaders.ConsistencyToken, _services.Session.Token);
        using var json = await http.GetAsync("/v1/entities/gondor:findPaths?target=entities/rohan&maxPaths=1");
        json.EnsureSuccessStatusCode();

        var after = _services.QueriesHost.CollectMetrics();

        Assert.Equal([Bound.MaxResults], answer.BoundsHit);
        Assert.True(answer.ExpandedRelationships > 0);
        var expansions = after["kg.query.expansions"];
        Assert.Equal(("{relationship}", MetricType.Histogram), (expansions.Unit, expansions.MetricType));
        Assert.Equal("Relationships one query expanded to find its answer, by query method.", expansions.Description);
        (string, string)[] findPaths = [("rpc.method", FindPaths)];
        Assert.Equal(2, after.Count("kg.query.expansions", findPaths) - before.Count("kg.query.expansions", findPaths));
        Assert.Equal(2 * answer.ExpandedRelationships, after.HistogramSum("kg.query.expansions", findPaths) - before.HistogramSum("kg.query.expansions", findPaths));

        var truncations = after["kg.query.truncations"];
        Assert.Equal(("{truncation}", MetricType.LongSum), (truncations.Unit, truncations.MetricType));
        Assert.Equal("Query answers cut short, by query method and the bound that stopped them.", truncations.Description);
        (string, string)[] maxResults = [("rpc.method", FindPaths), ("kg.query.bound", "MAX_RESULTS")];
        Assert.Equal(2, after.Sum("kg.query.truncations", maxResults) - before.Sum("kg.query.truncations", maxResults));
    }

    [Fact]
    public async Task Answers_count_the_evidence_they_took_from_the_cache_and_from_the_store()
    {
        foreach (var id in new[] { "dale", "esgaroth" })
            await _services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = id, Entity = Country(id) });
        await _services.Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = "dale-esgaroth", Relationship = Supplies("dale-esgaroth", "dale", "esgaroth", 0.3) });
        var question = new FindPathsRequest { Source = "entities/dale", Target = "entities/esgaroth" };
        (string, string)[] cache = [("kg.evidence.source", "cache")], store = [("kg.evidence.source", "store")];

        var before = _services.QueriesHost.CollectMetrics();
        await _services.Queries.FindPathsAsync(question);
        var first = _services.QueriesHost.CollectMetrics();
        await _services.Queries.FindPathsAsync(question);
        var second = _services.QueriesHost.CollectMetrics();

        // Two entities and the relationship between them: read from the store, then from the cache.
        Assert.Equal((0, 3), (first.Sum("kg.query.evidence", cache) - before.Sum("kg.query.evidence", cache), first.Sum("kg.query.evidence", store) - before.Sum("kg.query.evidence", store)));
        Assert.Equal((3, 0), (second.Sum("kg.query.evidence", cache) - first.Sum("kg.query.evidence", cache), second.Sum("kg.query.evidence", store) - first.Sum("kg.query.evidence", store)));
        var evidence = second["kg.query.evidence"];
        Assert.Equal(("{resource}", MetricType.LongSum), (evidence.Unit, evidence.MetricType));
    }

    /// <summary>Imports three valid entities and one that breaks the ontology, then two relationships between them.</summary>
    private async Task ImportAsync()
    {
        using (var import = _services.Entities.ImportEntities())
        {
            await import.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { Country("aland"), Country("borduria") } });
            await import.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { Country("carpania"), new Entity { Name = "entities/nowhere", Kind = "Nebula" } } });
            await import.RequestStream.CompleteAsync();
            var summary = await import;
            Assert.Equal((3, 1), (summary.Created, summary.Rejected));
        }
        using (var import = _services.Relationships.ImportRelationships())
        {
            await import.RequestStream.WriteAsync(new ImportRelationshipsRequest { Relationships = { Supplies("a-b", "aland", "borduria", 0.2), Supplies("b-c", "borduria", "carpania", 0.3) } });
            await import.RequestStream.CompleteAsync();
            Assert.Equal(2, (await import).Created);
        }
    }

    /// <summary>The gauge counts in the background when first read; waits until it shows the expected size.</summary>
    private static async Task<MetricSnapshot> GraphSizeAsync<T>(ObservedHost<T> host, long entities, long relationships) where T : class
    {
        var shown = "nothing";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var metrics = host.CollectMetrics();
            if (metrics.TryGetValue("kg.graph.resources", out var size))
            {
                var entityCount = metrics.Point("kg.graph.resources", ("kg.resource.type", "entity"))?.GetGaugeLastValueLong();
                var relationshipCount = metrics.Point("kg.graph.resources", ("kg.resource.type", "relationship"))?.GetGaugeLastValueLong();
                if (entityCount == entities && relationshipCount == relationships) return size;
                shown = $"{entityCount} entities, {relationshipCount} relationships";
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"kg.graph.resources never showed {entities} entities and {relationships} relationships; it showed {shown}.");
    }
}
