// Retires a live entity: kept, marked with who, when and why, and left out of every read (with
// its relationships, and a metric's observations). Returns the entities it REPLACES, whose
// lifetimes the caller recomputes, and the relationships and observations it hides, which leave
// the content digest. `seedBase` as in update-entity (its observations get theirs from
// set-seed-bases).
MATCH (n:Entity {id: $id})
WHERE n.retiredAt IS NULL
SET n.seedBase = CASE WHEN n.createdBy IS NULL THEN coalesce(n.seedBase, $seedBase) ELSE n.seedBase END
SET n.retiredAt = $at, n.retiredBy = $actor, n.retiredSources = $sources
WITH n
OPTIONAL MATCH (n)-[:HAS_OBSERVATION]->(o:Observation)
WHERE o.retiredAt IS NULL
SET o.retiredAt = $at, o.retiredBy = $actor
WITH n, collect(properties(o)) AS observations
RETURN n AS node,
       [(n)-[r:REPLACES]->(t:Entity) WHERE r.retiredAt IS NULL AND t.retiredAt IS NULL | t.id] AS replaced,
       [(n)-[r]-(m:Entity) WHERE r.retiredAt IS NULL AND m.retiredAt IS NULL
        | {type: type(r), rel: properties(r), from: startNode(r).id, to: endNode(r).id}] AS edges,
       observations
