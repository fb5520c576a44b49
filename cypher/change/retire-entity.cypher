// Retires a live entity: kept, marked with who, when and why, and left out of every read (with
// its relationships, and a metric's observations). Returns the entities it REPLACES, whose
// lifetimes the caller recomputes.
MATCH (n:Entity {id: $id})
WHERE n.retiredAt IS NULL
SET n.retiredAt = $at, n.retiredBy = $actor, n.retiredSources = $sources
WITH n
OPTIONAL MATCH (n)-[:HAS_OBSERVATION]->(o:Observation)
WHERE o.retiredAt IS NULL
SET o.retiredAt = $at, o.retiredBy = $actor
WITH n, count(o) AS hidden
RETURN n AS node, [(n)-[r:REPLACES]->(t:Entity) WHERE r.retiredAt IS NULL AND t.retiredAt IS NULL | t.id] AS replaced
