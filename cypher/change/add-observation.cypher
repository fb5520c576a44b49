// Adds a curated observation to its metric, recording who added it and when, or brings back a
// retired one with the same id (its properties replaced whole; `seedBase`/`seedId`, what
// re-seeding compares, kept). `existed` is true, and nothing is written, when a live one is there.
// The metric is found through the unique :Entity(id) index (a bare `:Metric {id}` has no index).
MATCH (m:Entity {id: $metricId})
WHERE m:Metric AND m.retiredAt IS NULL
MERGE (o:Observation {id: $id})
  ON CREATE SET o.retiredAt = $at
WITH m, o, o.retiredAt IS NULL AS existed, o.seedBase AS seedBase, o.seedId AS seedId
FOREACH (_ IN CASE WHEN existed THEN [] ELSE [1] END |
  SET o = $properties, o.createdBy = $actor, o.createdAt = $at, o.seedBase = seedBase, o.seedId = seedId
  MERGE (m)-[:HAS_OBSERVATION]->(o)
)
RETURN existed, properties(o) AS observation
