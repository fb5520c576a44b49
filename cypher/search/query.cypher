// Search candidates from the full-text index; the caller ranks them (src/domain/search.ts).
// Retired entities are left out. $query is a Lucene query built from folded words only, never raw user text.
// Each entity is a row of the properties the store maps, in mappers.ts NODE_ROW order.
CALL db.index.fulltext.queryNodes('entity_search_words', $query, { limit: $candidates })
YIELD node, score
WHERE node.retiredAt IS NULL AND (size($kinds) = 0 OR node.kind IN $kinds)
RETURN [node.id, node.kind, node.name, node.aliases, node.description, node.type, node.unit, node.publisher, node.year, node.sources, node.date, node.established, node.launched, node.signed, node.inForce, node.ended, node.dateQualifiers] AS node
