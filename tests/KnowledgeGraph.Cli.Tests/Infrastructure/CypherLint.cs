using System.Diagnostics;
using System.Text.Json;

namespace KnowledgeGraph.Cli.Tests.Infrastructure;

/// <summary>
/// Runs tests/cypher-lint (Neo4j's own parser and semantic analyser) over Cypher statements.
/// Unavailable (and the calling test skipped, with the reason) when node or the linter's
/// node_modules are missing.
/// </summary>
public static class CypherLint
{
    public static string? Directory { get; } = FindLintDirectory();

    public static string? WhyUnavailable()
    {
        if (Directory is null) return "tests/cypher-lint was not found above the test assembly";
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@neo4j-cypher")))
            return "tests/cypher-lint/node_modules is missing (run npm ci in tests/cypher-lint)";
        return FindNode() is null ? "node is not on PATH" : null;
    }

    /// <summary>Lints each statement; returns the linter's exit code and its stderr (one line per diagnostic).</summary>
    public static async Task<(int ExitCode, string Diagnostics)> LintAsync(IEnumerable<string> statements)
    {
        var input = Path.GetTempFileName();
        try
        {
            var items = statements.Select((query, i) => new { name = $"statement {i + 1}", query, parameters = new { } });
            await File.WriteAllTextAsync(input, JsonSerializer.Serialize(items));
            var start = new ProcessStartInfo(FindNode()!, [Path.Combine(Directory!, "lint.mjs"), input])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Directory!,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await stdout;
            return (process.ExitCode, await stderr);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string? FindLintDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "cypher-lint");
            if (File.Exists(Path.Combine(candidate, "lint.mjs"))) return candidate;
        }
        return null;
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
}
