using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Store.Neo4j.Cypher;

namespace KnowledgeGraph.Store.Neo4j.Tests.Lint;

/// <summary>Runs tests/cypher-lint/lint.mjs (Neo4j's lintCypherQuery) over statements and returns its findings per statement.</summary>
internal static class CypherLinter
{
    public sealed record Finding(string Name, int Errors, int Warnings, string Diagnostics);

    public static string LintDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "cypher-lint");
            if (File.Exists(Path.Combine(candidate, "lint.mjs"))) return candidate;
        }
        throw new InvalidOperationException("tests/cypher-lint/lint.mjs was not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<Finding> Lint(IEnumerable<CypherStatement> statements, GraphOntology ontology)
    {
        var directory = LintDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@neo4j-cypher", "language-support")))
            throw new InvalidOperationException($"The Cypher linter is not installed: run `npm ci` in {directory} (CI runs it before `dotnet test`).");

        var input = new JsonObject
        {
            ["schema"] = new JsonObject
            {
                ["labels"] = new JsonArray([.. GraphModel.Labels(ontology).Select(l => (JsonNode)l)]),
                ["relationshipTypes"] = new JsonArray([.. GraphModel.RelationshipTypes(ontology).Select(t => (JsonNode)t)]),
                ["propertyKeys"] = new JsonArray([.. GraphModel.PropertyKeys.Select(k => (JsonNode)k)]),
            },
            ["statements"] = new JsonArray([.. statements.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["query"] = s.Text,
                ["parameters"] = new JsonObject(s.Parameters.Select(p => KeyValuePair.Create(p, (JsonNode?)null))),
            })]),
        };
        var file = Path.Combine(Path.GetTempPath(), $"cypher-lint-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, input.ToJsonString());
        try
        {
            var start = new ProcessStartInfo("node", ["lint.mjs", file])
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; install Node.js 20 or later.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The Cypher linter ran for more than 3 minutes.");
            }
            if (process.ExitCode is not (0 or 1))
                throw new InvalidOperationException($"The Cypher linter failed (exit {process.ExitCode}): {stderr.Result}");
            using var output = JsonDocument.Parse(stdout.Result);
            return output.RootElement.EnumerateArray().Select(r => new Finding(
                r.GetProperty("name").GetString()!,
                r.GetProperty("errors").GetInt32(),
                r.GetProperty("warnings").GetInt32(),
                r.GetProperty("diagnostics").GetRawText())).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
