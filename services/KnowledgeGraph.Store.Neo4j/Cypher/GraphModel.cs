using System.Text.RegularExpressions;
using KnowledgeGraph.Domain.Ontology;

namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>
/// How the graph is laid out in Neo4j: labels, relationship types and property keys. Labels and
/// relationship types come from the ontology only (checked against <see cref="SafeName"/> before
/// they are written into a statement); every value travels as a parameter.
/// </summary>
public static partial class GraphModel
{
    public const string EntityLabel = "Entity";
    public const string RelationshipRecordLabel = "RelationshipRecord";
    public const string RequestRecordLabel = "RequestRecord";
    public const string TombstoneLabel = "Tombstone";
    public const string ChangeCounterLabel = "ChangeCounter";

    /// <summary>Prefix of the property keys that hold an entity's or relationship's typed properties (p_share, p_capital ...).</summary>
    public const string PropertyPrefix = "p_";

    /// <summary>Prefix of the property keys that hold an entity's external ids (xid_wikidata ...).</summary>
    public const string ExternalIdPrefix = "xid_";

    /// <summary>Every property key a statement names, for the lint's schema check.</summary>
    public static readonly IReadOnlyList<string> PropertyKeys =
    [
        "id", "name", "kind", "display_name", "description", "aliases", "search_text", "etag", "create_time",
        "update_time", "blob", "write_seq", "change_seq", "seq", "type", "source", "target", "source_id", "target_id",
        "valid_from", "valid_to", "weight", "commodity", "method", "response", "time", "pruned_through",
    ];

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeNameRegex();

    /// <summary>A label or relationship type that may be written into Cypher text without quoting.</summary>
    public static string SafeName(string name) => SafeNameRegex().IsMatch(name)
        ? name
        : throw new InvalidDataException($"'{name}' cannot be a Neo4j label or relationship type: use letters, digits and underscores only.");

    public static IReadOnlyList<string> KindLabels(GraphOntology ontology) => ontology.KindNames.Select(SafeName).ToList();

    public static IReadOnlyList<string> RelationshipTypes(GraphOntology ontology) => ontology.TypeNames.Select(SafeName).ToList();

    public static IReadOnlyList<string> Labels(GraphOntology ontology) =>
        [EntityLabel, RelationshipRecordLabel, RequestRecordLabel, TombstoneLabel, ChangeCounterLabel, .. KindLabels(ontology)];
}
