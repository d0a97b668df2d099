namespace KnowledgeGraph.Cli;

/// <summary>A command line that parsed but cannot be acted on (a missing file, a malformed date): exit code 1.</summary>
public sealed class UsageException(string message) : Exception(message);
