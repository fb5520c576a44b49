// A page of the entities of some kinds ($kinds: never empty, every kind for "all") ordered by
// folded name then id, with the total: the unfiltered lists (node/find.cypher takes filters).
// The page walks the entity_sort index in order and stops after $offset + $limit live matches,
// where sorting would read and order every entity of those kinds; the count reads the
// entity_kind index and sorts nothing. Retired entities are left out.
// Each entity is a row of the properties the store maps, in mappers.ts NODE_ROW order.
CALL () {
  MATCH (n:Entity)
  WHERE n.kind IN $kinds AND n.retiredAt IS NULL
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:Entity)
  USING INDEX n:Entity(sortKey, id)
  WHERE n.sortKey IS NOT NULL AND n.id IS NOT NULL AND n.kind IN $kinds AND n.retiredAt IS NULL
  WITH n
  ORDER BY n.sortKey, n.id
  SKIP $offset
  LIMIT $limit
  RETURN collect([n.id, n.kind, n.name, n.aliases, n.description, n.type, n.unit, n.publisher, n.year, n.sources, n.date, n.established, n.launched, n.signed, n.inForce, n.ended, n.dateQualifiers]) AS page
}
RETURN totalCount, page
