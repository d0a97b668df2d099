namespace KnowledgeGraph.Protocol;

/// <summary>
/// The names of the activity sources and meters the Knowledge Graph processes publish, so
/// ServiceDefaults subscribes to exactly what the code emits and dashboards can be built on them.
/// </summary>
public static class TelemetryNames
{
    /// <summary>Store operations (units of work, snapshots, change feed), as client spans and metrics.</summary>
    public const string Store = "KnowledgeGraph.Store";

    /// <summary>The application core: writes, queries and their outcomes.</summary>
    public const string Application = "KnowledgeGraph.Application";

    public static IReadOnlyList<string> All { get; } = [Store, Application];
}
