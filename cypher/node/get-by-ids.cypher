// Entities by id, one row per key in key order; `node` is null for an unknown or retired id.
// Each entity is a row of the properties the store maps, in mappers.ts NODE_ROW order.
UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (n:Entity {id: $ids[i]})
WHERE n.retiredAt IS NULL
RETURN i, CASE WHEN n IS NULL THEN null ELSE [n.id, n.kind, n.name, n.aliases, n.description, n.type, n.unit, n.publisher, n.year, n.sources, n.date, n.established, n.launched, n.signed, n.inForce, n.ended, n.dateQualifiers] END AS node
ORDER BY i
