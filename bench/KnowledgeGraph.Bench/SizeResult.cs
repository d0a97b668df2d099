using KnowledgeGraph.Bench.Generation;
using KnowledgeGraph.Bench.Measurements;

namespace KnowledgeGraph.Bench;

/// <summary>Everything measured on one graph size.</summary>
public sealed record SizeResult
{
    public required int Entities { get; init; }
    public required int Relationships { get; init; }
    public required int ValidAtAsOf { get; init; }
    public required DegreeSummary Degrees { get; init; }
    public required long DatabaseBytes { get; init; }

    public required TimeSpan EntityImport { get; init; }
    public required TimeSpan RelationshipImport { get; init; }
    public required long KgPeakRssBytes { get; init; }
    public required int ImportRejected { get; init; }
    public required RawImportResult RawImport { get; init; }

    public required double ProjectionLoadSeconds { get; init; }
    public required TimeSpan QueriesReady { get; init; }
    public required string ProjectionState { get; init; }
    /// <summary>The first FindPaths calls after the Queries service was ready, before any warm-up.</summary>
    public required Percentiles FirstFindPaths { get; init; }

    public required PathResult Outgoing { get; init; }
    public required PathResult Both { get; init; }
    public required TraceResult Trace { get; init; }
    public required Percentiles TrivialLatency { get; init; }
    public required double GetEntityPerSecond { get; init; }
    public required double TrivialPerSecond { get; init; }
    public required FreshnessResult Freshness { get; init; }
    public required IReadOnlyList<(string Service, long Rss, long Peak)> Memory { get; init; }

    public double EntitiesPerSecond => Entities / EntityImport.TotalSeconds;
    public double RelationshipsPerSecond => Relationships / RelationshipImport.TotalSeconds;
}
