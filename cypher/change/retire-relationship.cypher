// Retires a live relationship: kept, marked with who, when and why, left out of every read.
// Its `seedBase` is set next from what this returns (change/set-relationship-seed-base).
MATCH (a:Entity {id: $from})-[r {id: $id}]->(b:Entity)
WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
SET r.retiredAt = $at, r.retiredBy = $actor, r.retiredSources = $sources
RETURN type(r) AS type, properties(r) AS rel, b AS other
