namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>
/// How many cases a fuzz test runs (<c>KG_FUZZ_CASES</c>, or the quick CI count), how many failed,
/// and the first failures in full, for the report.
/// </summary>
public sealed class FuzzTally(int quickCases)
{
    public const string CasesVariable = "KG_FUZZ_CASES";
    private const int FailuresKept = 15;

    public int Planned { get; } = int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out var cases) && cases > 0 ? cases : quickCases;

    public int Run { get; private set; }
    public int Failed { get; private set; }
    public List<string> Failures { get; } = [];

    public void Record(object fuzzCase, string? problem)
    {
        Run++;
        if (problem is null) return;
        Failed++;
        if (Failures.Count < FailuresKept) Failures.Add($"case {Run}: {problem}\n    {fuzzCase}");
    }

    /// <summary>The line the long run is read by: <c>fuzz: N cases, F failed</c>.</summary>
    public string Summary => $"fuzz: {Run} cases, {Failed} failed";
}
