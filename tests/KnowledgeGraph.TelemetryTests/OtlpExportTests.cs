using System.Text;
using Entities.Api;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KnowledgeGraph.TelemetryTests;

/// <summary>
/// The metrics reach the dashboard: a service exports them over OTLP/HTTP as the AppHost configures it.
/// (An OTLP exporter built for another OpenTelemetry SDK version than the one loaded drops every batch
/// that holds a histogram, which left the Metrics page empty.)
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Metrics_with_histograms_are_exported_over_otlp()
    {
        var received = new List<byte[]>();
        await using var collector = await StartCollectorAsync(received);
        var dataPath = Directory.CreateTempSubdirectory("kg-otlp-").FullName;
        await using (var host = new ObservedHost<EntitiesApiMarker>(dataPath, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Urls.Single(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        }))
        {
            using var http = host.CreateHttpClient();
            await http.GetAsync("/v1/entities/atlantis");

            for (var attempt = 0; attempt < 100 && !Exported(received, "http.server.request.duration"); attempt++) await Task.Delay(100);
        }
        Assert.True(Exported(received, "http.server.request.duration"), "no OTLP metrics request carried the http.server.request.duration histogram");
        Assert.True(Exported(received, "kg.calls"));
    }

    private static bool Exported(List<byte[]> received, string metric)
    {
        lock (received) return received.Any(body => Encoding.UTF8.GetString(body).Contains(metric, StringComparison.Ordinal));
    }

    /// <summary>An OTLP/HTTP receiver that keeps the body of every metrics export.</summary>
    private static async Task<WebApplication> StartCollectorAsync(List<byte[]> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{TestChannels.FreePort()}");
        var collector = builder.Build();
        collector.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            lock (received) received.Add(body.ToArray());
            return Results.Ok();
        });
        collector.MapPost("/v1/{signal}", () => Results.Ok());
        await collector.StartAsync();
        return collector;
    }
}
