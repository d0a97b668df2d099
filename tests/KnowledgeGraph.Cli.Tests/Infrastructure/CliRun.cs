using KnowledgeGraph.Cli;

namespace KnowledgeGraph.Cli.Tests.Infrastructure;

/// <summary>What one run of <c>kg</c> produced.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>Runs the real <c>kg</c> entry point in-process with captured output and a private environment.</summary>
public static class CliRun
{
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(environment, KnowledgeGraph.Protocol.Limits.MaxImportRows, args);

    /// <summary>Runs <c>kg</c> with imports sending at most <paramref name="importRowsPerCall"/> rows per call.</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, int importRowsPerCall, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new KgHost(stdout, stderr, name => environment.GetValueOrDefault(name), OutputIsTerminal: false, ImportRowsPerCall: importRowsPerCall);
        var code = await KgApp.RunAsync(args, host);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
