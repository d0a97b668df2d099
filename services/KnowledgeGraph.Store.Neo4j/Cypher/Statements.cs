using KnowledgeGraph.Domain.Ontology;

namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>Every statement the adapter can send, in one list: what the Cypher lint and the EXPLAIN check test.</summary>
public static class Statements
{
    public static IReadOnlyList<CypherStatement> All(GraphOntology ontology) =>
    [
        .. SchemaStatements.All(ontology),
        .. EntityStatements.All(ontology),
        .. RelationshipStatements.All(ontology),
        .. ChangeStatements.All(),
        .. ServiceStatements.All(),
    ];
}
