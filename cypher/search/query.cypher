// Search candidates from the full-text indexes and the corpus statistics the ranking weighs
// terms with (src/domain/search.ts ranks; this only finds and counts), in one round trip.
// $query is a Lucene query built from folded words only (src/store/neo4j/lucene.ts), never raw
// user text; $terms are the query's distinct words as { word, query } (the word as an escaped
// Lucene term). Retired records, and relationships with a retired end, are left out everywhere.
// Entities are rows in mappers.ts NODE_ROW order; relationships [id, validFrom, validTo, note,
// sources] with both ends as rows; observations as their properties with the metric as a row.
CALL () {
  CALL db.index.fulltext.queryNodes('search_nodes', $query, { limit: $candidates })
  YIELD node
  WHERE node.retiredAt IS NULL
  OPTIONAL MATCH (metric:Entity)-[:HAS_OBSERVATION]->(node)
  WITH node, metric
  WHERE (node:Entity AND 'ENTITY' IN $targets AND (size($kinds) = 0 OR node.kind IN $kinds))
     OR (node:Observation AND 'OBSERVATION' IN $targets AND metric IS NOT NULL AND metric.retiredAt IS NULL AND (size($kinds) = 0 OR metric.kind IN $kinds))
  WITH node, properties(node) AS p, properties(metric) AS m
  RETURN
    collect(CASE WHEN node:Entity THEN [p.id, p.kind, p.name, p.aliases, p.description, p.type, p.unit, p.publisher, p.year, p.sources, p.date, p.established, p.launched, p.signed, p.inForce, p.ended, p.dateQualifiers] END) AS entities,
    collect(CASE WHEN node:Observation THEN { observation: p, metric: [m.id, m.kind, m.name, m.aliases, m.description, m.type, m.unit, m.publisher, m.year, m.sources, m.date, m.established, m.launched, m.signed, m.inForce, m.ended, m.dateQualifiers] } END) AS observations
}
CALL () {
  CALL db.index.fulltext.queryRelationships('search_relationships', $query, { limit: $candidates })
  YIELD relationship
  WITH relationship AS r, startNode(relationship) AS a, endNode(relationship) AS b
  WHERE 'RELATIONSHIP' IN $targets AND r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
    AND (size($kinds) = 0 OR a.kind IN $kinds)
  WITH r, properties(r) AS rp, properties(a) AS p, properties(b) AS q
  RETURN collect({
    type: type(r),
    rel: [rp.id, rp.validFrom, rp.validTo, rp.note, rp.sources],
    from: [p.id, p.kind, p.name, p.aliases, p.description, p.type, p.unit, p.publisher, p.year, p.sources, p.date, p.established, p.launched, p.signed, p.inForce, p.ended, p.dateQualifiers],
    to: [q.id, q.kind, q.name, q.aliases, q.description, q.type, q.unit, q.publisher, q.year, q.sources, q.date, q.established, q.launched, q.signed, q.inForce, q.ended, q.dateQualifiers]
  }) AS relationships
}
CALL () {
  UNWIND $terms AS term
  CALL (term) {
    CALL db.index.fulltext.queryNodes('search_nodes', term.query)
    YIELD node
    WHERE node.retiredAt IS NULL
    RETURN count(node) AS nodes
  }
  CALL (term) {
    CALL db.index.fulltext.queryRelationships('search_relationships', term.query)
    YIELD relationship
    WHERE relationship.retiredAt IS NULL AND startNode(relationship).retiredAt IS NULL AND endNode(relationship).retiredAt IS NULL
    RETURN count(relationship) AS edges
  }
  RETURN collect([term.word, nodes + edges]) AS frequencies
}
// Documents: every live entry of both indexes ('*:*' matches all). Every entity is in
// search_nodes; an observation or relationship only when its note has a word (mappers.ts).
CALL () {
  CALL db.index.fulltext.queryNodes('search_nodes', '*:*')
  YIELD node
  WHERE node.retiredAt IS NULL
  RETURN count(node) AS nodeDocuments
}
CALL () {
  CALL db.index.fulltext.queryRelationships('search_relationships', '*:*')
  YIELD relationship
  WHERE relationship.retiredAt IS NULL AND startNode(relationship).retiredAt IS NULL AND endNode(relationship).retiredAt IS NULL
  RETURN count(relationship) AS relationshipDocuments
}
RETURN entities, observations, relationships, frequencies, nodeDocuments + relationshipDocuments AS documents
