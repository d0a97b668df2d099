namespace KnowledgeGraph.Application.Projection;

/// <summary>Where the projection is: loading (with what it has read so far), ready, or failed to load (with why).</summary>
public sealed record ProjectionProgress(ProjectionPhase Phase, int Entities, int Relationships, TimeSpan Elapsed, long Position, string? Problem = null)
{
    public static ProjectionProgress Starting { get; } = new(ProjectionPhase.Loading, 0, 0, TimeSpan.Zero, 0);

    public override string ToString() => Phase switch
    {
        ProjectionPhase.Ready => $"ready: {Entities:N0} entities, {Relationships:N0} relationships at change {Position:N0} (loaded in {Elapsed.TotalSeconds:0.0} s)",
        ProjectionPhase.Failed => $"failed to load after {Elapsed.TotalSeconds:0.0} s: {Problem}; retrying",
        _ => $"loading: {Entities:N0} entities, {Relationships:N0} relationships read in {Elapsed.TotalSeconds:0.0} s",
    };
}

public enum ProjectionPhase
{
    Loading,
    Ready,
    Failed,
}
