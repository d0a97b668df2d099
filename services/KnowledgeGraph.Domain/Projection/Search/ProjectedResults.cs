namespace KnowledgeGraph.Domain.Projection.Search;

/// <summary>One hop of a path found in the projection: the relationship (by id), the way it was followed, the entity reached.</summary>
public readonly record struct ProjectedHop(int Relationship, bool Outgoing, int To)
{
    public static ProjectedHop Of(in Step step) => new(step.Relationship, step.Outgoing, step.To);
}

/// <summary>A path found in the projection, from <paramref name="Start"/>; its evidence is read from the store afterwards.</summary>
public sealed record ProjectedPath(int Start, ProjectedHop[] Hops);

/// <summary>A neighbourhood found in the projection: entity ids with their distance, and the relationship ids followed.</summary>
public sealed record ProjectedNeighborhood(IReadOnlyList<(int Entity, int Distance)> Entities, IReadOnlyList<int> Relationships);
