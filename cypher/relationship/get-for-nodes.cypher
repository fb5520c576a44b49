// For each query { nodeId, direction, types, kinds, validAt }, the node's edges with the entity
// at the other end. One row per edge, tagged with the query's index; the caller orders them.
// Retired relationships, and relationships to retired entities, are left out.
// With validAt (an ISO day), only edges that held then, to entities that existed then.
UNWIND range(0, size($queries) - 1) AS i
WITH i, $queries[i] AS q
MATCH (n:Entity {id: q.nodeId})
WHERE n.retiredAt IS NULL
CALL (n, q) {
  MATCH (n)-[r]->(other:Entity)
  WHERE q.direction <> 'IN'
    AND r.retiredAt IS NULL AND other.retiredAt IS NULL
    AND (size(q.types) = 0 OR type(r) IN q.types)
    AND (size(q.kinds) = 0 OR other.kind IN q.kinds)
  RETURN r, other, 'OUT' AS direction
  UNION ALL
  MATCH (n)<-[r]-(other:Entity)
  WHERE q.direction <> 'OUT'
    AND r.retiredAt IS NULL AND other.retiredAt IS NULL
    AND (size(q.types) = 0 OR type(r) IN q.types)
    AND (size(q.kinds) = 0 OR other.kind IN q.kinds)
  RETURN r, other, 'IN' AS direction
}
WITH i, q, r, other, direction
WHERE q.validAt IS NULL
   OR ((r.validStart IS NULL OR r.validStart <= q.validAt) AND (r.validEnd IS NULL OR q.validAt <= r.validEnd)
       AND (other.validStart IS NULL OR other.validStart <= q.validAt) AND (other.validEnd IS NULL OR q.validAt <= other.validEnd))
RETURN i, type(r) AS type, properties(r) AS rel, startNode(r).id AS from, endNode(r).id AS to, direction, other
