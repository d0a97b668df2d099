using System.Diagnostics;
using System.Diagnostics.Metrics;
using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.Store;

/// <summary>
/// The store's own traces and metrics, shared by every adapter. ServiceDefaults subscribes to
/// <see cref="TelemetryNames.Store"/> so the dashboard shows store operations next to the gRPC calls.
/// </summary>
public static class StoreTelemetry
{
    public static readonly ActivitySource ActivitySource = new(TelemetryNames.Store);
    private static readonly Meter Meter = new(TelemetryNames.Store);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "kg.store.operation.duration", unit: "s", description: "Duration of store operations.");

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "kg.store.operation.failures", description: "Store operations that ended with an error.");

    /// <summary>Starts timing an operation; dispose the result to record it.</summary>
    public static Operation Start(string store, string operation) => new(store, operation, StartSpan($"{store} {operation}"));

    /// <summary>
    /// A store span only inside an operation that is itself recorded (a request, an import). Store calls with
    /// nothing recorded around them would otherwise each show up as a trace of their own on the dashboard:
    /// the gRPC health publisher's ping has no parent, and a health probe's ping has one that is filtered
    /// out, which the AppHost's sampler (OTEL_TRACES_SAMPLER=always_on) does not honour. Durations are
    /// measured either way.
    /// </summary>
    private static Activity? StartSpan(string name) =>
        Activity.Current is { Recorded: true } ? ActivitySource.StartActivity(name, ActivityKind.Client) : null;

    public sealed class Operation(string store, string operation, Activity? activity) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private bool _failed;

        public Activity? Activity => activity;

        public void Fail(Exception exception)
        {
            _failed = true;
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        }

        public void Dispose()
        {
            var tags = new TagList { { "kg.store", store }, { "kg.operation", operation } };
            Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
            if (_failed) Failures.Add(1, tags);
            activity?.Dispose();
        }
    }
}
