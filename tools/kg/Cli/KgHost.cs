namespace KnowledgeGraph.Cli;

/// <summary>
/// What the command line runs against: its output streams, its environment and, for tests that
/// host the services in-process, the HTTP handler to reach them through and (to see a file spread
/// over several calls without a million rows) the rows an import sends per call.
/// </summary>
public sealed record KgHost(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    bool OutputIsTerminal,
    Func<Uri, HttpMessageHandler>? HttpHandlerFactory = null,
    int ImportRowsPerCall = KnowledgeGraph.Protocol.Limits.MaxImportRows)
{
    public static KgHost FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected);
}
