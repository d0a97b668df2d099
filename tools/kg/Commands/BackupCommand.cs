using System.CommandLine;
using KnowledgeGraph.Store.Sqlite;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// <c>kg backup PATH</c> and <c>kg restore PATH</c>: an online, consistent copy of the embedded store,
/// and putting one back. They work on the store file itself, on the machine that holds it, not through the services.
/// </summary>
public static class BackupCommand
{
    public static Command CreateBackup(KgHost host)
    {
        var destination = new Argument<string>("path") { Description = "New file to write the backup to" };
        var data = DataOption();
        var command = new Command("backup", "Copy the embedded store while the services keep running (SQLite's online backup), then check the copy") { destination, data };
        command.SetAction(async (parse, cancellation) => await RunAsync(host, async () =>
        {
            var store = StoreFile(parse.GetValue(data));
            var path = Path.GetFullPath(parse.GetRequiredValue(destination));
            var problems = await SqliteBackup.BackupAsync(store, path, cancellation);
            return Report(host, problems, $"Backed up {store} to {path} ({new FileInfo(path).Length:N0} bytes); integrity and foreign-key checks pass.");
        }));
        return command;
    }

    public static Command CreateRestore(KgHost host)
    {
        var backup = new Argument<string>("path") { Description = "Backup file written by kg backup" };
        var data = DataOption();
        var command = new Command("restore", "Replace the embedded store with a checked backup; stop the services first (the Queries service reloads at start)") { backup, data };
        command.SetAction(async (parse, cancellation) => await RunAsync(host, async () =>
        {
            var store = StoreFile(parse.GetValue(data));
            var path = Path.GetFullPath(parse.GetRequiredValue(backup));
            var problems = await SqliteBackup.RestoreAsync(path, store, cancellation);
            return Report(host, problems, $"Restored {store} from {path}; start the services again.");
        }));
        return command;
    }

    private static Option<string?> DataOption() => new("--data")
    {
        Description = $"Data directory of the embedded store (default: {SqliteGraphStoreOptions.DefaultDataPath}, as the AppHost uses from the repository root)",
    };

    private static string StoreFile(string? dataPath) => SqliteGraphStoreOptions.FileIn(dataPath);

    private static int Report(KgHost host, IReadOnlyList<string> problems, string success)
    {
        if (problems.Count == 0)
        {
            host.Out.WriteLine(success);
            return ExitCodes.Ok;
        }
        host.Error.WriteLine("error: the copy fails its checks:");
        foreach (var problem in problems) host.Error.WriteLine($"  {problem}");
        return ExitCodes.InvalidInput;
    }

    private static async Task<int> RunAsync(KgHost host, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception exception)
        {
            return CliErrors.Report(exception, host.Error);
        }
    }
}
