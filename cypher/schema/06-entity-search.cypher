// The entity-only full-text index of earlier versions, replaced by search_nodes (entities and
// observations) and search_relationships: dropped so a database seeded before is not left
// maintaining an index nothing reads.
DROP INDEX entity_search_words IF EXISTS
