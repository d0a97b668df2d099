namespace KnowledgeGraph.Application;

/// <summary>
/// What a transport knows about one call besides its request: the consistency token the client sent
/// (null for none), when the client stops waiting (null for no deadline), and the call's cancellation.
/// </summary>
public sealed record CallContext(string? ConsistencyToken, DateTimeOffset? Deadline, CancellationToken Cancellation)
{
    public static CallContext None { get; } = new(null, null, CancellationToken.None);
}

/// <summary>A write's result and the consistency token of its commit (null when nothing was committed: validate_only).</summary>
public sealed record Written<T>(T Value, string? ConsistencyToken);
