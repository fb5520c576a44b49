// Adds a curated observation to its metric, recording who added it and when. The metric is found
// through the unique :Entity(id) index (a bare `:Metric {id}` has no index: a scan of every metric).
MATCH (m:Entity {id: $metricId})
WHERE m:Metric AND m.retiredAt IS NULL
CREATE (o:Observation)
SET o = $properties
SET o.createdBy = $actor, o.createdAt = $at
CREATE (m)-[:HAS_OBSERVATION]->(o)
RETURN properties(o) AS observation
