using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Output;

/// <summary>One-line forms of entity references, hops and whole paths.</summary>
public static class PathViews
{
    public static string Entity(EntityRef entity) =>
        string.IsNullOrEmpty(entity.DisplayName) ? entity.Name : $"{entity.DisplayName} ({entity.Kind})";

    public static string ShortEntity(EntityRef entity) =>
        string.IsNullOrEmpty(entity.DisplayName) ? Names.Id(entity.Name) : entity.DisplayName;

    /// <summary>The arrow of a hop with its type and properties, for example <c>←[SUPPLIES share=0.09]─</c>.</summary>
    public static string Arrow(PathHop hop)
    {
        var relationship = hop.Relationship;
        var label = relationship.Properties.Count == 0 ? relationship.Type : $"{relationship.Type} {Values.Properties(relationship.Properties)}";
        if (hop.WeightUnknown) label += relationship.Properties.Count == 0 ? " share=?" : ", share=?";
        return hop.Direction == Direction.Incoming ? $"←[{label}]─" : $"─[{label}]→";
    }

    public static string Hop(PathHop hop)
    {
        var validity = Values.Validity(hop.Relationship.ValidFrom, hop.Relationship.ValidTo);
        return $"{Arrow(hop)} {Entity(hop.Entity)}{(validity.Length == 0 ? "" : $"  [{validity}]")}";
    }

    /// <summary>The whole path on one line: <c>Japan ←[SUPPLIES …]─ Sakhalin-2 ─[LOCATED_IN]→ Russia</c>.</summary>
    public static string Inline(GraphPath path) =>
        ShortEntity(path.Start) + string.Concat(path.Hops.Select(h => $" {Arrow(h)} {ShortEntity(h.Entity)}"));

    public static string Bounds(IEnumerable<Bound> bounds) => string.Join(", ", bounds.Select(b => b.ToString()));
}
