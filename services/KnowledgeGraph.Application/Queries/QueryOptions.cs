using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.Application.Queries;

/// <summary>Server-side bounds on query work (configuration section <c>KnowledgeGraph:Queries</c>).</summary>
public sealed class QueryOptions
{
    public const string Section = "KnowledgeGraph:Queries";

    /// <summary>Most relationships one query may expand before it stops and reports MAX_EXPANSIONS; unset, the engine's default (<see cref="ExpansionCap"/>).</summary>
    public int? MaxExpandedRelationships { get; set; }

    /// <summary>Most partial paths or dependency routes one query may build in memory before it stops and reports MAX_EXPANSIONS.</summary>
    public int MaxPartialPaths { get; set; } = Limits.DefaultMaxPartialPaths;

    /// <summary>Longest a query may run when the call has no deadline.</summary>
    public TimeSpan MaxQueryTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What answers questions: <see cref="QueryEngineKind.Projection"/> (the default) or <see cref="QueryEngineKind.Store"/>.</summary>
    public QueryEngineKind Engine { get; set; } = QueryEngineKind.Projection;

    /// <summary>How often the projection reads the store's change feed (a call with a consistency token reads it at once).</summary>
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long before the call's deadline a traversal stops, to leave time to answer.</summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How much evidence (entities and relationships read for answers) the projection engine keeps in
    /// memory, in MiB of their serialized size (about eight times that in the heap, measured at
    /// 1M x 5M); 0 turns the cache off.
    /// </summary>
    public int EvidenceCacheMegabytes { get; set; } = 8;

    /// <summary>
    /// The expansion cap in force: the configured one, or the engine's default. An edge the projection
    /// examines is a slot read in memory; one the store engine expands is a relationship read whole.
    /// </summary>
    public int ExpansionCap => MaxExpandedRelationships ?? (Engine == QueryEngineKind.Store
        ? Limits.DefaultMaxExpandedRelationships
        : Limits.DefaultProjectionMaxExpandedRelationships);
}

/// <summary>
/// Projection: an in-memory projection of the graph in the Queries service, built at start and kept
/// current from the change feed (fast; needs the graph to fit one replica's memory). Store: every
/// question is answered from the store, a frontier per store call (for graphs larger than that).
/// </summary>
public enum QueryEngineKind
{
    Projection,
    Store,
}
