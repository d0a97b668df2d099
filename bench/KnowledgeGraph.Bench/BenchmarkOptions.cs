namespace KnowledgeGraph.Bench;

/// <summary>What <c>run</c> measures: graph sizes (entities × relationships), how many questions, where the report goes.</summary>
public sealed record BenchmarkOptions(
    IReadOnlyList<(int Entities, int Relationships)> Sizes, int Seed, int Pairs, int Roots, int FreshnessTrials, TimeSpan ThroughputDuration, string Report, string WorkDirectory)
{
    /// <summary>Every query is asked as of this instant, so validity intervals decide the same way in every run.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
}
