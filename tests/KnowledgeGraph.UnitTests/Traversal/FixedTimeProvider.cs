namespace KnowledgeGraph.UnitTests.Traversal;

/// <summary>A clock that always reads the same instant, for deadline tests.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
