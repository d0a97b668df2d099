using System.Globalization;
using KnowledgeGraph.Bench;
using KnowledgeGraph.Bench.Generation;
using KnowledgeGraph.Bench.Report;
using KnowledgeGraph.Bench.Services;

// See bench/README.md. Examples:
//   dotnet run -c Release --project bench/KnowledgeGraph.Bench -- run --sizes 20000x100000
//   dotnet run -c Release --project bench/KnowledgeGraph.Bench -- generate --entities 20000 --relationships 100000 --out /tmp/graph
var command = args.FirstOrDefault() ?? "help";
var options = Arguments.Parse(args.Skip(1).ToArray());

switch (command)
{
    case "generate":
    {
        var (entities, relationships) = Arguments.Sizes(options)[0];
        var graph = SupplyNetworkGenerator.Generate(new SupplyNetworkOptions(entities, relationships, Arguments.Int(options, "seed", 42)));
        var output = options.GetValueOrDefault("out") ?? Path.Combine(Path.GetTempPath(), "kg-bench-graph");
        var (entityFiles, relationshipFiles) = JsonlFiles.Write(graph, output);
        Console.WriteLine($"{graph.EntityCount:N0} entities, {graph.RelationshipCount:N0} relationships; {DegreeSummary.Of(graph)}");
        Console.WriteLine($"Import with: kg import {string.Join(' ', entityFiles.Concat(relationshipFiles))}");
        return 0;
    }
    case "run":
    {
        var run = new BenchmarkOptions(
            Arguments.Sizes(options),
            Arguments.Int(options, "seed", 42),
            Arguments.Int(options, "pairs", 200),
            Arguments.Int(options, "roots", 100),
            Arguments.Int(options, "freshness", 30),
            TimeSpan.FromSeconds(Arguments.Int(options, "seconds", 5)),
            options.GetValueOrDefault("report") ?? Path.Combine(Repository.Root, "docs", "benchmarks.md"),
            options.GetValueOrDefault("work") ?? Path.Combine(Path.GetTempPath(), "kg-bench"));
        var machine = Machine.Current();
        var started = DateTimeOffset.UtcNow;
        if (options.GetValueOrDefault("build") != "false")
        {
            Console.WriteLine("Building the services and kg in Release ...");
            await ProgramBuild.BuildAllAsync();
        }
        var tokens = new BenchTokens();
        var results = new List<SizeResult>();
        foreach (var (entities, relationships) in run.Sizes)
        {
            results.Add(await SizeRun.RunAsync(run, entities, relationships, tokens, Console.Out));
            // Written after every size, so a later size that fails or is stopped leaves the earlier figures.
            await File.WriteAllTextAsync(run.Report, BenchmarkReport.Render(run, machine, started, Arguments.CommandLine(args), results));
            Console.WriteLine($"Wrote {run.Report}");
        }
        return 0;
    }
    default:
        Console.WriteLine("""
            kg-bench run [--sizes 20000x100000,200000x1000000] [--seed 42] [--pairs 200] [--roots 100] [--freshness 30] [--seconds 5] [--report docs/benchmarks.md] [--work DIR] [--build false]
            kg-bench generate [--entities N] [--relationships M] [--seed 42] [--out DIR]
            """);
        return command == "help" ? 0 : 2;
}

internal static class Arguments
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"expected --option value, got '{args[i]}'");
            options[args[i][2..]] = args[++i];
        }
        return options;
    }

    public static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value.Replace("_", "").Replace(",", ""), CultureInfo.InvariantCulture) : fallback;

    /// <summary><c>--sizes 20000x100000,...</c>, or <c>--entities N [--relationships M]</c> (M defaults to 5N), or 20,000 × 100,000.</summary>
    public static List<(int Entities, int Relationships)> Sizes(Dictionary<string, string> options)
    {
        if (options.TryGetValue("sizes", out var sizes))
            return [.. sizes.Split(',').Select(s => s.Split('x')).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture)))];
        var entities = Int(options, "entities", 20_000);
        return [(entities, Int(options, "relationships", 5 * entities))];
    }

    public static string CommandLine(string[] args) => $"dotnet run -c Release --project bench/KnowledgeGraph.Bench -- {string.Join(' ', args)}";
}
