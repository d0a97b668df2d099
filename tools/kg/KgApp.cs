using System.CommandLine;
using System.CommandLine.Invocation;
using KnowledgeGraph.Cli.Commands;

namespace KnowledgeGraph.Cli;

/// <summary>The <c>kg</c> command line. <see cref="RunAsync"/> is the whole program, callable in-process.</summary>
public static class KgApp
{
    public static RootCommand Build(KgHost host)
    {
        var options = new GlobalOptions();
        var root = new RootCommand(
            "kg: import, query and export the Knowledge Graph through its gRPC services.\n" +
            "Names may be given as bare ids: `japan` means `entities/japan`.\n" +
            ExitCodes.HelpText);
        options.AddTo(root);
        root.Add(ImportCommand.Create(options, host));
        root.Add(GetCommand.Create(options, host));
        root.Add(ListCommand.Create(options, host));
        root.Add(SearchCommand.Create(options, host));
        root.Add(PathsCommand.Create(options, host));
        root.Add(TraceCommand.Create(options, host));
        root.Add(ChokepointsCommand.Create(options, host));
        root.Add(SchemaCommand.Create(options, host));
        root.Add(ExportCommand.Create(options, host));
        root.Add(BackupCommand.CreateBackup(host));
        root.Add(BackupCommand.CreateRestore(host));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, KgHost host, CancellationToken cancellation = default)
    {
        var parse = Build(host).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors) host.Error.WriteLine($"error: {error.Message}");
            host.Error.WriteLine($"Run 'kg {string.Join(' ', CommandPath(parse))} --help' for usage.".Replace("kg  --help", "kg --help", StringComparison.Ordinal));
            return ExitCodes.Usage;
        }
        var configuration = new InvocationConfiguration { Output = host.Out, Error = host.Error };
        return await parse.InvokeAsync(configuration, cancellation);
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
    }
}
