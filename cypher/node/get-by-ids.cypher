// Entities by id, one row per key in key order; `node` is null for an unknown or retired id.
UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (n:Entity {id: $ids[i]})
WHERE n.retiredAt IS NULL
RETURN i, n AS node
ORDER BY i
