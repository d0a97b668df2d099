namespace KnowledgeGraph.ModelTests;

/// <summary>A clock that stands still until the test moves it, so both systems stamp the same times and resolve the same as_of.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
