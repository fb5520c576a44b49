// Entities by id, one row per key in key order; `node` is null for an unknown id.
UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (n:Entity {id: $ids[i]})
RETURN i, n AS node
ORDER BY i
