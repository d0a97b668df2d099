using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Google.Protobuf.Reflection;
using KnowledgeGraph.Domain.Traversal;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Application.Telemetry;

/// <summary>
/// The metrics a developer watches on the dashboard, all on the meter <see cref="TelemetryNames.Application"/>
/// (ServiceDefaults exports it): calls by method and status, how much work queries do and which bounds stop
/// them, import throughput and the size of the graph. Names, units and attributes follow the
/// OpenTelemetry semantic conventions' style. The business code calls one method per event.
/// </summary>
public static class ApplicationTelemetry
{
    private static readonly Meter Meter = new(TelemetryNames.Application);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "kg.calls", "{call}", "Calls of the Knowledge Graph API (gRPC and JSON alike), by method and status code.");

    private static readonly Histogram<long> Expansions = Meter.CreateHistogram<long>(
        "kg.query.expansions", "{relationship}", "Relationships one query expanded to find its answer, by query method.",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000] });

    private static readonly Counter<long> Truncations = Meter.CreateCounter<long>(
        "kg.query.truncations", "{truncation}", "Query answers cut short, by query method and the bound that stopped them.");

    private static readonly Counter<long> EvidenceResources = Meter.CreateCounter<long>(
        "kg.query.evidence", "{resource}", "Entities and relationships that answers carried as evidence, by where they came from (the evidence cache or the store).");

    private static readonly Counter<long> ImportRows = Meter.CreateCounter<long>(
        "kg.import.rows", "{row}", "Import rows handled, by resource type and outcome (created, updated, unchanged, rejected).");

    /// <summary>Each bound as the API names it (MAX_DEPTH ...).</summary>
    private static readonly FrozenDictionary<Bound, string> BoundNames = QueryRequestsReflection.Descriptor
        .FindTypeByName<EnumDescriptor>(nameof(Bound)).Values.ToFrozenDictionary(value => (Bound)value.Number, value => value.Name);

    private static ImmutableList<IGraphSizeSource> _sizeSources = [];

    static ApplicationTelemetry() => Meter.CreateObservableGauge(
        "kg.graph.resources", ObserveGraphSize, "{resource}", "Entities and relationships in the graph, by resource type.");

    /// <summary>One call ended: <paramref name="method"/> as <c>package.Service/Method</c>, the status as its canonical name (OK, NOT_FOUND ...).</summary>
    public static void CallEnded(string method, string statusCode) =>
        Calls.Add(1, new TagList { { "rpc.method", method }, { "rpc.response.status_code", statusCode } });

    /// <summary>A query was answered (FindPaths, TraceDependencies, GetNeighborhood): how much it expanded, and each bound it hit.</summary>
    public static void QueryAnswered(string queryMethod, TraversalOutcome outcome)
    {
        var method = $"{QueryService.Descriptor.FullName}/{queryMethod}";
        Expansions.Record(outcome.ExpandedRelationships, new TagList { { "rpc.method", method } });
        foreach (var bound in outcome.BoundsHit)
            Truncations.Add(1, new TagList { { "rpc.method", method }, { "kg.query.bound", BoundNames[bound] } });
    }

    /// <summary>An answer's evidence was gathered: <paramref name="cached"/> resources from the evidence cache, <paramref name="read"/> from the store.</summary>
    public static void EvidenceGathered(int cached, int read)
    {
        if (cached > 0) EvidenceResources.Add(cached, new TagList { { "kg.evidence.source", "cache" } });
        if (read > 0) EvidenceResources.Add(read, new TagList { { "kg.evidence.source", "store" } });
    }

    /// <summary>One batch of an import was committed; <paramref name="resourceType"/> is <c>entity</c> or <c>relationship</c>.</summary>
    public static void RowsImported(string resourceType, ImportSummary batch)
    {
        Add(batch.Created, "created");
        Add(batch.Updated, "updated");
        Add(batch.Unchanged, "unchanged");
        Add(batch.Rejected, "rejected");

        void Add(int rows, string outcome)
        {
            if (rows > 0) ImportRows.Add(rows, new TagList { { "kg.resource.type", resourceType }, { "kg.import.outcome", outcome } });
        }
    }

    /// <summary>Reports the graph's size from <paramref name="source"/> until the result is disposed (one source per service host).</summary>
    public static IDisposable ReportGraphSize(IGraphSizeSource source)
    {
        ImmutableInterlocked.Update(ref _sizeSources, sources => sources.Add(source));
        return new Registration(source);
    }

    private static IEnumerable<Measurement<long>> ObserveGraphSize()
    {
        foreach (var source in _sizeSources)
        {
            if (source.Current is not { } size) continue;
            yield return new Measurement<long>(size.Entities, new KeyValuePair<string, object?>("kg.resource.type", "entity"));
            yield return new Measurement<long>(size.Relationships, new KeyValuePair<string, object?>("kg.resource.type", "relationship"));
        }
    }

    private sealed class Registration(IGraphSizeSource source) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref _sizeSources, sources => sources.Remove(source));
    }
}
