// Search candidates from the full-text index; the caller ranks them (src/domain/search.ts).
// Retired entities are left out. $query is a Lucene query built from folded words only, never raw user text.
CALL db.index.fulltext.queryNodes('entity_search_words', $query, { limit: $candidates })
YIELD node, score
WHERE node.retiredAt IS NULL AND (size($kinds) = 0 OR node.kind IN $kinds)
RETURN node
