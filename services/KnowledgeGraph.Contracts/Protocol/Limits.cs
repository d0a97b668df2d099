namespace KnowledgeGraph.Protocol;

/// <summary>
/// Every limit the API enforces, in one place that the services and the `kg` command line share.
/// Documented in docs/limits.md.
/// </summary>
public static class Limits
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const int MaxBatchSize = 1000;
    public const int MaxImportRows = 1_000_000;

    public const int MaxDisplayNameLength = 256;
    public const int MaxDescriptionLength = 4096;
    public const int MaxAliases = 64;
    public const int MaxAliasLength = 256;
    public const int MaxProperties = 64;
    public const int MaxStringPropertyLength = 4096;
    public const int MaxExternalIdLength = 256;
    public const int MaxSources = 32;
    public const int MaxQuoteLength = 4096;
    public const int MaxDocumentLength = 2048;
    public const int MaxReportedByLength = 256;
    public const int MaxRequestIdLength = 128;
    public const int MaxFilterLength = 1024;

    public const int DefaultSearchResults = 20;
    public const int MaxSearchResults = 100;
    public const int MaxSearchQueryLength = 256;

    public const int DefaultPathDepth = 4;
    public const int MaxPathDepth = 10;
    public const int DefaultMaxPaths = 10;
    public const int MaxMaxPaths = 100;

    public const int DefaultTraceDepth = 6;
    public const int MaxTraceDepth = 10;
    public const int DefaultMaxRoutes = 10;
    public const int MaxMaxRoutes = 1000;
    /// <summary>Dependencies one trace answer lists (TraceDependencies <c>max_results</c>).</summary>
    public const int DefaultTraceResults = 100;
    public const int MaxTraceResults = 1000;

    /// <summary>Entities and relationships one what-if question may exclude.</summary>
    public const int MaxExclusions = 100;

    public const int DefaultChokepoints = 10;
    public const int MaxChokepoints = 100;

    public const int DefaultNeighborhoodDepth = 1;
    public const int MaxNeighborhoodDepth = 5;
    public const int DefaultNeighborhoodEntities = 500;
    public const int MaxNeighborhoodEntities = 5000;

    /// <summary>
    /// Server-side cap on relationships expanded by one query answered by the store (engine
    /// <c>Store</c>), where each is read from the store whole (configurable per deployment).
    /// </summary>
    public const int DefaultMaxExpandedRelationships = 100_000;

    /// <summary>
    /// The same cap on the in-memory projection (the default engine), where an edge examined is a
    /// slot read in memory: above the largest hub of a million-entity supply network (154,251 at
    /// 1M x 5M in the benchmark), so a search that must cross one hub or two is not cut.
    /// </summary>
    public const int DefaultProjectionMaxExpandedRelationships = 1_000_000;

    /// <summary>Server-side cap on the partial paths and dependency routes one query builds in memory (path enumeration, traces).</summary>
    public const int DefaultMaxPartialPaths = 100_000;

    /// <summary>Largest gRPC message a service accepts or sends.</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    /// <summary>How long a read waits for the store to reach a consistency token.</summary>
    public static readonly TimeSpan MaxConsistencyWait = TimeSpan.FromSeconds(5);
}
