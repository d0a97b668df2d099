namespace KnowledgeGraph.Cli;

/// <summary>
/// What the command line runs against: its output streams, its environment and, for tests that
/// host the services in-process, the HTTP handler to reach them through.
/// </summary>
public sealed record KgHost(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    bool OutputIsTerminal,
    Func<Uri, HttpMessageHandler>? HttpHandlerFactory = null)
{
    public static KgHost FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected);
}
