using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.FunctionalTests.LimitsTable;

/// <summary>
/// The limits table of docs/limits.md cannot drift: every row names tests that exist, every row of
/// <see cref="LimitsTableTests"/> is in the table, and every constant of <see cref="Limits"/> is named
/// in the table with its value.
/// </summary>
public sealed partial class LimitsDocumentTests
{
    private sealed record Row(string Limit, string Allowed, string Constants, string Tests);

    private static readonly Lazy<IReadOnlyList<Row>> Table = new(ReadTable);

    /// <summary>A test reference in the test column: <c>`Class.Method`</c> or <c>`LimitsTableTests[row]`</c>.</summary>
    [GeneratedRegex(@"`(?<class>\w+Tests)(?:\.(?<method>\w+))?(?:\[(?<row>[\w-]+)\])?`")]
    private static partial Regex TestReference();

    [Fact]
    public void Every_row_names_a_test_that_exists()
    {
        var types = typeof(LimitsDocumentTests).Assembly.GetTypes();
        foreach (var row in Table.Value)
        {
            var references = TestReference().Matches(row.Tests);
            Assert.True(references.Count > 0, $"the row '{row.Limit}' names no test");
            foreach (Match reference in references)
            {
                var type = types.SingleOrDefault(t => t.Name == reference.Groups["class"].Value);
                Assert.True(type is not null, $"the row '{row.Limit}' names {reference.Value}, but there is no class {reference.Groups["class"].Value}");
                if (reference.Groups["row"].Success)
                    Assert.True(type == typeof(LimitsTableTests) && LimitsTableTests.RowKeys.Contains(reference.Groups["row"].Value),
                        $"the row '{row.Limit}' names {reference.Value}, which is not a row of LimitsTableTests");
                else
                    Assert.True(reference.Groups["method"].Success && type!.GetMethod(reference.Groups["method"].Value)?.GetCustomAttribute<FactAttribute>() is not null,
                        $"the row '{row.Limit}' names {reference.Value}, which is not a test method");
            }
        }
    }

    [Fact]
    public void Every_row_the_tests_check_is_in_the_table()
    {
        var named = Table.Value.SelectMany(row => TestReference().Matches(row.Tests)).Where(m => m.Groups["row"].Success).Select(m => m.Groups["row"].Value).ToHashSet();
        Assert.Empty(LimitsTableTests.RowKeys.Except(named));
    }

    [Fact]
    public void Every_constant_of_the_limits_is_in_the_table_with_its_value()
    {
        foreach (var constant in typeof(Limits).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var row = Table.Value.FirstOrDefault(r => r.Constants.Contains($"`{constant.Name}`", StringComparison.Ordinal));
            Assert.True(row is not null, $"Limits.{constant.Name} is in no row of docs/limits.md");
            var spellings = Spellings(constant.GetValue(null)!);
            Assert.True(spellings.Any(s => row!.Allowed.Contains(s, StringComparison.Ordinal)),
                $"the row '{row!.Limit}' names Limits.{constant.Name} but not its value ({string.Join(" or ", spellings)})");
        }
    }

    /// <summary>How the table may write a limit's value: 1000, 1,000,000, 16 MiB, 5 s.</summary>
    private static IReadOnlyList<string> Spellings(object value) => value switch
    {
        int n when n % (1024 * 1024) == 0 => [$"{n / (1024 * 1024)} MiB"],
        int n => [n.ToString(CultureInfo.InvariantCulture), n.ToString("N0", CultureInfo.InvariantCulture)],
        TimeSpan t => [$"{t.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"],
        _ => throw new InvalidOperationException($"a limit of type {value.GetType()}: say here how the table writes it"),
    };

    /// <summary>The rows of the table in docs/limits.md, by the columns of its header.</summary>
    private static IReadOnlyList<Row> ReadTable()
    {
        var lines = File.ReadAllLines(LimitsDocument()).Where(line => line.StartsWith('|')).ToList();
        static string[] Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];
        var header = Cells(lines[0]).ToList();
        int Column(string name) => header.IndexOf(name) is >= 0 and var i ? i : throw new InvalidOperationException($"docs/limits.md: the table has no column '{name}'");
        var (limit, allowed, constants, tests) = (Column("limit"), Column("allowed (default)"), Column("constant or setting"), Column("test"));
        return [.. lines.Skip(2).Select(Cells).Select(cells => new Row(cells[limit], cells[allowed], cells[constants], cells[tests]))];
    }

    private static string LimitsDocument()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KnowledgeGraph.sln")))
                return Path.Combine(directory.FullName, "docs", "limits.md");
        }
        throw new InvalidOperationException($"No KnowledgeGraph.sln above {AppContext.BaseDirectory}, so docs/limits.md cannot be found.");
    }
}
