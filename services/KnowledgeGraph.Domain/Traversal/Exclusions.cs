using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// What a what-if question treats as gone: entities (with every relationship touching them) and
/// single relationships, by full name. A traversal never follows an excluded relationship, so it
/// answers as if they had been deleted, without deleting anything.
/// </summary>
public sealed class Exclusions
{
    private Exclusions(IReadOnlySet<string> entities, IReadOnlySet<string> relationships)
    {
        Entities = entities;
        Relationships = relationships;
    }

    public static Exclusions None { get; } = new(new HashSet<string>(), new HashSet<string>());

    /// <summary>The exclusions of checked full names (<c>entities/…</c> or <c>relationships/…</c>).</summary>
    public static Exclusions Of(IEnumerable<string> names)
    {
        var (entities, relationships) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        foreach (var name in names)
            (ResourceNames.TryParseEntity(name, out _) ? entities : relationships).Add(name);
        return entities.Count + relationships.Count == 0 ? None : new(entities, relationships);
    }

    public IReadOnlySet<string> Entities { get; }
    public IReadOnlySet<string> Relationships { get; }

    public bool IsEmpty => Entities.Count == 0 && Relationships.Count == 0;

    /// <summary>Every excluded name, entities first, each group in name order.</summary>
    public IEnumerable<string> Names => Entities.Order(StringComparer.Ordinal).Concat(Relationships.Order(StringComparer.Ordinal));

    public bool Excludes(Relationship relationship) =>
        Relationships.Contains(relationship.Name) || Entities.Contains(relationship.Source) || Entities.Contains(relationship.Target);
}
