using KnowledgeGraph.Domain.Ontology;

namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>The schema bootstrap: constraints and indexes, all <c>IF NOT EXISTS</c>, run one by one at start-up.</summary>
public static class SchemaStatements
{
    public static IReadOnlyList<CypherStatement> All(GraphOntology ontology) =>
    [
        new("Schema.EntityIdUnique", "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE"),
        new("Schema.EntityName", "CREATE INDEX kg_entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)"),
        new("Schema.EntityKind", "CREATE INDEX kg_entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)"),
        new("Schema.EntitySearchText", "CREATE TEXT INDEX kg_entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.search_text)"),
        new("Schema.RelationshipRecordIdUnique", "CREATE CONSTRAINT kg_relationship_record_id IF NOT EXISTS FOR (n:RelationshipRecord) REQUIRE n.id IS UNIQUE"),
        new("Schema.RelationshipRecordName", "CREATE INDEX kg_relationship_record_name IF NOT EXISTS FOR (n:RelationshipRecord) ON (n.name)"),
        new("Schema.RelationshipRecordSource", "CREATE INDEX kg_relationship_record_source IF NOT EXISTS FOR (n:RelationshipRecord) ON (n.source_id)"),
        new("Schema.RelationshipRecordTarget", "CREATE INDEX kg_relationship_record_target IF NOT EXISTS FOR (n:RelationshipRecord) ON (n.target_id)"),
        new("Schema.RelationshipRecordType", "CREATE INDEX kg_relationship_record_type IF NOT EXISTS FOR (n:RelationshipRecord) ON (n.type)"),
        new("Schema.RequestRecordIdUnique", "CREATE CONSTRAINT kg_request_record_id IF NOT EXISTS FOR (n:RequestRecord) REQUIRE n.id IS UNIQUE"),
        .. GraphModel.RelationshipTypes(ontology).Select(type => new CypherStatement(
            $"Schema.RelationshipId.{type}",
            $"CREATE INDEX kg_rel_{type.ToLowerInvariant()}_id IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.id)")),
    ];
}
