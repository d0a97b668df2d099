using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.ModelTests.Commands;

namespace KnowledgeGraph.ModelTests;

/// <summary>Runs one command sequence and says where the systems part ways.</summary>
public static class ModelRun
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The sequence on the application over SQLite and over the reference store, the clock moving one
    /// second per command: after each, the same answer and the same graph (read in full) on both.
    /// </summary>
    public static async Task CompareAsync(IReadOnlyList<Command> commands)
    {
        var clock = new ManualClock(Start);
        await using var reference = GraphSystem.OverReference(clock);
        await using var sqlite = GraphSystem.OverSqlite(clock);
        await StepsAsync(commands, clock, async command =>
        {
            Same(command, "answer",
                Answers.Canonical(await AnswerAsync(reference, command), reference.Memory),
                Answers.Canonical(await AnswerAsync(sqlite, command), sqlite.Memory));
            Same(command, "graph after it",
                Answers.Canonical(await GraphReadback.ReadAsync(reference), reference.Memory),
                Answers.Canonical(await GraphReadback.ReadAsync(sqlite), sqlite.Memory));
        });
    }

    /// <summary>The sequence on the application over the reference store: every answer is a value or a <see cref="GraphException"/>.</summary>
    public static async Task NeverCrashAsync(IReadOnlyList<Command> commands)
    {
        var clock = new ManualClock(Start);
        await using var reference = GraphSystem.OverReference(clock);
        await StepsAsync(commands, clock, async command =>
        {
            if (await AnswerAsync(reference, command) is JsonObject answer && answer.ContainsKey("crash"))
                throw new ModelMismatchException($"{command} crashed: {answer.ToJsonString()}");
            await GraphReadback.ReadAsync(reference);
        });
    }

    /// <summary>Prints a sequence one command a line, numbered as the failure messages number them.</summary>
    public static string Print(IEnumerable<Command> commands) => string.Join(Environment.NewLine, commands.Select((command, step) => $"  #{step} {command}"));

    private static async Task StepsAsync(IReadOnlyList<Command> commands, ManualClock clock, Func<Command, Task> step)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await step(commands[i]);
            }
            catch (Exception failure)
            {
                throw new ModelMismatchException($"At command #{i}: {failure.Message}{Environment.NewLine}The sequence up to it:{Environment.NewLine}{Print(commands.Take(i + 1))}", failure);
            }
        }
    }

    /// <summary>A command's answer; errors are answers, and so (to be compared, and reported by <see cref="NeverCrashAsync"/>) are crashes.</summary>
    private static async Task<JsonNode> AnswerAsync(GraphSystem system, Command command)
    {
        try
        {
            return await command.RunAsync(system);
        }
        catch (GraphException error)
        {
            return Answers.Of(error);
        }
        catch (Exception crash)
        {
            return Answers.Crash(crash);
        }
    }

    private static void Same(Command command, string what, string reference, string sqlite)
    {
        if (reference != sqlite)
            throw new ModelMismatchException($"{command}: the {what} differs.{Environment.NewLine}  reference: {reference}{Environment.NewLine}  sqlite:    {sqlite}");
    }
}

public sealed class ModelMismatchException(string message, Exception? inner = null) : Exception(message, inner);
