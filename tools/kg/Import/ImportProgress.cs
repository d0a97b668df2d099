using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace KnowledgeGraph.Cli.Import;

/// <summary>
/// Shows how far an import is while it runs: live bars with rows and rows/s on a terminal, else a
/// line on stderr every few seconds (none for an import shorter than that).
/// </summary>
public sealed class ImportProgress
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);

    // The kind being sent now (entities, then relationships), its rows sent and since when.
    private readonly Lock _lock = new();
    private string? _kind;
    private long _rows;
    private Stopwatch _clock = new();

    /// <summary>Runs <paramref name="import"/>, giving it what to call as rows of a kind are sent.</summary>
    public static async Task RunAsync(CliContext context, Func<Func<string, Action<int>>, Task> import)
    {
        var progress = new ImportProgress();
        if (context.Host.OutputIsTerminal && !context.Json && context.Console.Profile.Capabilities.Interactive)
        {
            await context.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                .StartAsync(async live =>
                {
                    await import(kind =>
                    {
                        var task = live.AddTask(kind, maxValue: 1);
                        task.IsIndeterminate = true;
                        return sent => task.Description = progress.Describe(kind, sent);
                    });
                });
            return;
        }
        using var timer = new Timer(_ => progress.Log(context.Error), null, LogEvery, LogEvery);
        await import(kind => sent => progress.Describe(kind, sent));
    }

    private string Describe(string kind, int sent)
    {
        lock (_lock)
        {
            if (_kind != kind) (_kind, _rows, _clock) = (kind, 0, Stopwatch.StartNew());
            _rows += sent;
            return Line(kind, _rows, _clock.Elapsed);
        }
    }

    private void Log(TextWriter error)
    {
        lock (_lock)
        {
            if (_kind is not null) error.WriteLine("importing " + Line(_kind, _rows, _clock.Elapsed));
        }
    }

    private static string Line(string kind, long rows, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}: {rows:N0} rows sent, {(elapsed > TimeSpan.Zero ? rows / elapsed.TotalSeconds : 0):N0} rows/s");
}
