using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// Turns walked steps into <see cref="GraphPath"/> messages: start, hops with their evidence (the
/// full relationship), the direction taken, the entity reached, the hop weight, and the path's
/// validity intersection. The entities are fetched in one reader call for all paths.
/// </summary>
public sealed class PathBuilder(IReadOnlyDictionary<string, EntityRef> refs)
{
    private readonly IReadOnlyDictionary<string, EntityRef> _refs = refs;

    internal static async Task<PathBuilder> ForAsync(IGraphReader reader, string start, IEnumerable<IReadOnlyList<TraversalStep>> paths, CancellationToken cancellationToken, IEnumerable<string>? also = null)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { start };
        names.UnionWith(also ?? []);
        foreach (var path in paths)
            foreach (var step in path) names.Add(step.To);
        var entities = await reader.GetEntitiesAsync(names, cancellationToken).ConfigureAwait(false);
        return new PathBuilder(entities.ToDictionary(e => e.Name, RefOf, StringComparer.Ordinal));
    }

    public static EntityRef RefOf(Entity entity) => new() { Name = entity.Name, Kind = entity.Kind, DisplayName = entity.DisplayName };

    public EntityRef RefOf(string name) => _refs.TryGetValue(name, out var found) ? found : new EntityRef { Name = name };

    /// <summary>The path from <paramref name="start"/> along <paramref name="steps"/>; a hop whose <paramref name="weight"/> is unknown (null) weighs 1 and says so.</summary>
    public GraphPath Build(string start, IReadOnlyList<TraversalStep> steps, Func<Relationship, double?> weight)
    {
        var path = new GraphPath { Start = RefOf(start) };
        foreach (var step in steps)
        {
            path.Hops.Add(new PathHop
            {
                Relationship = step.Relationship,
                Direction = step.Taken,
                Entity = RefOf(step.To),
                Weight = weight(step.Relationship) ?? 1.0,
                WeightUnknown = weight(step.Relationship) is null,
            });
        }
        var (from, to) = ValidityWindow.Intersect(steps.Select(s => s.Relationship));
        path.ValidFrom = from;
        path.ValidTo = to;
        return path;
    }
}
