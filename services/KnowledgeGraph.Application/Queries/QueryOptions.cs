using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.Application.Queries;

/// <summary>Server-side bounds on query work (configuration section <c>KnowledgeGraph:Queries</c>).</summary>
public sealed class QueryOptions
{
    public const string Section = "KnowledgeGraph:Queries";

    /// <summary>Most relationships one query may expand before it stops and reports MAX_EXPANSIONS.</summary>
    public int MaxExpandedRelationships { get; set; } = Limits.DefaultMaxExpandedRelationships;

    /// <summary>Longest a query may run when the call has no deadline.</summary>
    public TimeSpan MaxQueryTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before the call's deadline a traversal stops, to leave time to answer.</summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromMilliseconds(200);
}
