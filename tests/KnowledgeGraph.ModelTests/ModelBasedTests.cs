using CsCheck;
using KnowledgeGraph.ModelTests.Commands;
using Xunit;
using Xunit.Abstractions;

namespace KnowledgeGraph.ModelTests;

/// <summary>
/// The application core over the SQLite store against the same core over the reference store, on
/// random command sequences: the same answer to every command and the same graph after it.
/// <para>
/// CI runs a few hundred sequences per property (about 30 s of CPU: 20 s on an idle 2-core machine). A failure
/// prints the commands up to the one that failed and a seed; to replay it, run
/// <c>CsCheck_Seed=&lt;seed&gt; dotnet test tests/KnowledgeGraph.ModelTests --filter &lt;test name&gt;</c>
/// (with <c>KG_MODEL_ITERATIONS</c> set high, CsCheck goes on looking for a shorter failing sequence).
/// For a longer campaign, set <c>KG_MODEL_ITERATIONS</c> (sequences per property), for example
/// <c>KG_MODEL_ITERATIONS=5000 dotnet test tests/KnowledgeGraph.ModelTests --filter ModelBasedTests</c>.
/// </para>
/// </summary>
public sealed class ModelBasedTests(ITestOutputHelper output)
{
    private const int MaxSequenceLength = 30;

    private static long Iterations(long ciDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable("KG_MODEL_ITERATIONS"), out var iterations) && iterations > 0 ? iterations : ciDefault;

    // The failure message lists the commands up to the one that failed; the whole sequence would only repeat them.
    private static string Summary(Command[] commands) => $"{commands.Length} commands";

    [Fact]
    public Task Sqlite_and_reference_stores_give_the_same_answers_and_hold_the_same_graph() =>
        Generators.Sequences(MaxSequenceLength).SampleAsync(
            commands => ModelRun.CompareAsync(commands),
            output.WriteLine, iter: Iterations(ciDefault: 400), print: Summary);

    [Fact]
    public Task Every_command_answers_with_a_value_or_a_graph_error() =>
        Generators.Sequences(MaxSequenceLength).SampleAsync(
            commands => ModelRun.NeverCrashAsync(commands),
            output.WriteLine, iter: Iterations(ciDefault: 600), print: Summary);
}
