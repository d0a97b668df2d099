using System.Diagnostics;
using Grpc.Net.Client;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KnowledgeGraph.TelemetryTests;

/// <summary>
/// One service host of the functional tests (real Kestrel sockets, a token it trusts) with in-memory
/// exporters added to the OpenTelemetry pipeline ServiceDefaults configures: what it exports is what
/// the dashboard would receive.
/// </summary>
public sealed class ObservedHost<TMarker> : IAsyncDisposable where TMarker : class
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly ServiceHost<TMarker> _host;

    public ObservedHost(string dataPath, IReadOnlyDictionary<string, string>? settings = null) =>
        // As the AppHost runs every service: sample every span, whatever its parent says.
        _host = new ServiceHost<TMarker>(dataPath, new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["OTEL_TRACES_SAMPLER"] = "always_on" },
            services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
            });

    public Uri HttpAddress => _host.HttpAddress;
    public GrpcChannel Channel => _host.Channel;
    public IServiceProvider Services => _host.Services;

    public HttpClient CreateHttpClient() => _host.CreateHttpClient();

    /// <summary>The spans exported so far.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get { lock (_spans) return [.. _spans]; }
    }

    /// <summary>Waits (a server span ends just after its response is sent) until a span matches.</summary>
    public async Task<Activity> SpanAsync(Func<Activity, bool> match)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += TimeSpan.FromMilliseconds(50))
        {
            if (Spans.FirstOrDefault(match) is { } span) return span;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"No span matched; exported: {string.Join(", ", Spans.Select(s => s.DisplayName))}");
    }

    /// <summary>Collects every metric now and returns the latest snapshot of each, by name.</summary>
    public IReadOnlyDictionary<string, MetricSnapshot> CollectMetrics()
    {
        lock (_metrics) _metrics.Clear();
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        lock (_metrics) return _metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
