// Search candidates from the full-text index; the caller ranks them (src/domain/search.ts).
// $query is a Lucene query built from folded words only, never raw user text.
CALL db.index.fulltext.queryNodes('entity_search', $query, { limit: $candidates })
YIELD node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
RETURN node
