using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// The validity of a path: the intersection of its relationships' [valid_from, valid_to) windows,
/// the latest start and the earliest end; an unset end is open.
/// </summary>
public static class ValidityWindow
{
    public static (Timestamp? ValidFrom, Timestamp? ValidTo) Intersect(IEnumerable<Relationship> relationships)
    {
        Timestamp? from = null;
        Timestamp? to = null;
        foreach (var relationship in relationships)
        {
            if (relationship.ValidFrom is { } f && (from is null || f.CompareTo(from) > 0)) from = f;
            if (relationship.ValidTo is { } t && (to is null || t.CompareTo(to) < 0)) to = t;
        }
        return (from, to);
    }
}
