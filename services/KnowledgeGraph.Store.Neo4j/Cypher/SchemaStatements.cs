using KnowledgeGraph.Domain.Ontology;

namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>
/// The schema: constraints and indexes, all <c>IF NOT EXISTS</c>, run one by one at start-up. Every
/// read filters on one of these keys; a composite (key, name) index also returns its rows in name order.
/// </summary>
public static class SchemaStatements
{
    public static IReadOnlyList<CypherStatement> All(GraphOntology ontology) =>
    [
        new("Schema.EntityIdUnique", "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE"),
        new("Schema.EntityName", "CREATE INDEX kg_entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)"),
        new("Schema.EntityKindName", "CREATE INDEX kg_entity_kind_name IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.name)"),
        new("Schema.EntityChangeSeq", "CREATE INDEX kg_entity_change_seq IF NOT EXISTS FOR (n:Entity) ON (n.change_seq)"),
        new("Schema.EntitySearchText", "CREATE TEXT INDEX kg_entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.search_text)"),
        new("Schema.RelationshipRecordIdUnique", "CREATE CONSTRAINT kg_relationship_record_id IF NOT EXISTS FOR (n:RelationshipRecord) REQUIRE n.id IS UNIQUE"),
        new("Schema.RelationshipRecordName", "CREATE INDEX kg_relationship_record_name IF NOT EXISTS FOR (n:RelationshipRecord) ON (n.name)"),
        new("Schema.RelationshipRecordSourceName", "CREATE INDEX kg_relationship_record_source_name IF NOT EXISTS FOR (n:RelationshipRecord) ON (n.source_id, n.name)"),
        new("Schema.RelationshipRecordTargetName", "CREATE INDEX kg_relationship_record_target_name IF NOT EXISTS FOR (n:RelationshipRecord) ON (n.target_id, n.name)"),
        new("Schema.RelationshipRecordTypeName", "CREATE INDEX kg_relationship_record_type_name IF NOT EXISTS FOR (n:RelationshipRecord) ON (n.type, n.name)"),
        new("Schema.RelationshipRecordChangeSeq", "CREATE INDEX kg_relationship_record_change_seq IF NOT EXISTS FOR (n:RelationshipRecord) ON (n.change_seq)"),
        new("Schema.RequestRecordIdUnique", "CREATE CONSTRAINT kg_request_record_id IF NOT EXISTS FOR (n:RequestRecord) REQUIRE n.id IS UNIQUE"),
        new("Schema.TombstoneNameUnique", "CREATE CONSTRAINT kg_tombstone_name IF NOT EXISTS FOR (n:Tombstone) REQUIRE n.name IS UNIQUE"),
        new("Schema.TombstoneChangeSeq", "CREATE INDEX kg_tombstone_change_seq IF NOT EXISTS FOR (n:Tombstone) ON (n.change_seq)"),
        new("Schema.TombstoneTime", "CREATE INDEX kg_tombstone_time IF NOT EXISTS FOR (n:Tombstone) ON (n.time)"),
        new("Schema.RequestRecordTime", "CREATE INDEX kg_request_record_time IF NOT EXISTS FOR (n:RequestRecord) ON (n.time)"),
        new("Schema.ChangeCounterIdUnique", "CREATE CONSTRAINT kg_change_counter_id IF NOT EXISTS FOR (n:ChangeCounter) REQUIRE n.id IS UNIQUE"),
        .. GraphModel.RelationshipTypes(ontology).Select(type => new CypherStatement(
            $"Schema.RelationshipId.{type}",
            $"CREATE INDEX kg_rel_{type.ToLowerInvariant()}_id IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.id)")),
    ];
}
