namespace KnowledgeGraph.Application.Retention;

/// <summary>How long the store keeps what only grows: the change feed and the responses of request ids (section <see cref="Section"/>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "KnowledgeGraph:Retention";

    /// <summary>How long a change stays in the change feed, and so how long its consistency token is honoured.</summary>
    public TimeSpan ChangeFeed { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long the first response to a request id is kept, so a retry within it writes nothing again.</summary>
    public TimeSpan RequestIds { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a service prunes (the first time a minute after it starts); zero turns pruning off.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    public bool IsValid => ChangeFeed > TimeSpan.Zero && RequestIds > TimeSpan.Zero && PruneInterval >= TimeSpan.Zero;
}
