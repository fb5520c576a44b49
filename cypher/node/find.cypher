// A page of entities ordered by folded name then id, with the total that match.
// Retired entities and relationships are left out.
// $topics already holds the requested topics; narrower ones are followed here via BROADER.
// Candidates come from the most selective source given, so no query scans every entity it can
// avoid: with $topics, what ADDRESSES one of them or a topic under it (the hierarchy walked
// breadth-first, each topic once, however many paths lead to it); else with $kinds, the
// entity_kind index; else every entity. The other filters then apply to the candidates.
// Each entity is a row of the properties the store maps, in mappers.ts NODE_ROW order.
// Also returned: the $topics ids that are not live topics and the $relatedTo ids that are not
// live entities (each once, in the order given), so the caller needs no separate id check.
// The rules are the domain's (src/domain/list-filter.ts), pushed down; the store contract suite
// compares this statement's answers with them (test/store/list-rules.contract.ts).
CALL () {
  WITH $topics AS topics
  WHERE size(topics) > 0
  MATCH (root:Entity)
  WHERE root.id IN topics AND root:Topic AND root.retiredAt IS NULL
  MATCH (root)(()<-[b:BROADER WHERE b.retiredAt IS NULL]-(x:Topic WHERE x.retiredAt IS NULL)){0,}(topic)
  WITH DISTINCT topic
  MATCH (topic)<-[a:ADDRESSES]-(n:Entity)
  WHERE a.retiredAt IS NULL
  RETURN n
  UNION
  WITH $kinds AS kinds
  WHERE size($topics) = 0 AND size(kinds) > 0
  MATCH (n:Entity)
  WHERE n.kind IN kinds
  RETURN n
  UNION
  WITH $kinds AS kinds
  WHERE size($topics) = 0 AND size(kinds) = 0
  MATCH (n:Entity)
  RETURN n
}
WITH n
WHERE n.retiredAt IS NULL
  AND (size($kinds) = 0 OR n.kind IN $kinds)
  AND (size($types) = 0 OR n.type IN $types)
  AND (size($relatedTo) = 0 OR EXISTS {
        MATCH (n)-[r]-(other:Entity)
        WHERE other.id IN $relatedTo AND r.retiredAt IS NULL AND other.retiredAt IS NULL
      })
  AND ($validAt IS NULL OR ((n.validStart IS NULL OR n.validStart <= $validAt) AND (n.validEnd IS NULL OR $validAt <= n.validEnd)))
  AND (($from IS NULL AND $to IS NULL) OR any(i IN range(0, size(n.dateStarts) - 1)
        WHERE ($to IS NULL OR n.dateStarts[i] <= $to) AND ($from IS NULL OR n.dateEnds[i] >= $from)))
WITH collect(n) AS matches
CALL (matches) {
  UNWIND matches AS n
  WITH n
  ORDER BY n.sortKey, n.id
  SKIP $offset
  LIMIT $limit
  RETURN collect([n.id, n.kind, n.name, n.aliases, n.description, n.type, n.unit, n.publisher, n.year, n.sources, n.date, n.established, n.launched, n.signed, n.inForce, n.ended, n.dateQualifiers]) AS page
}
CALL () {
  UNWIND range(0, size($topics) - 1) AS i
  WITH i, $topics[i] AS id
  WHERE NOT id IN $topics[0..i]
  OPTIONAL MATCH (x:Entity {id: id})
  WITH i, id, x
  WHERE x IS NULL OR NOT x:Topic OR x.retiredAt IS NOT NULL
  WITH i, id
  ORDER BY i
  RETURN collect(id) AS unknownTopics
}
CALL () {
  UNWIND range(0, size($relatedTo) - 1) AS i
  WITH i, $relatedTo[i] AS id
  WHERE NOT id IN $relatedTo[0..i]
  OPTIONAL MATCH (x:Entity {id: id})
  WITH i, id, x
  WHERE x IS NULL OR x.retiredAt IS NOT NULL
  WITH i, id
  ORDER BY i
  RETURN collect(id) AS unknownRelated
}
RETURN size(matches) AS totalCount, page, unknownTopics, unknownRelated
