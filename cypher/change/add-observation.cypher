// Adds a curated observation to its metric, recording who added it and when.
MATCH (m:Metric {id: $metricId})
WHERE m.retiredAt IS NULL
CREATE (o:Observation)
SET o = $properties
SET o.createdBy = $actor, o.createdAt = $at
CREATE (m)-[:HAS_OBSERVATION]->(o)
RETURN properties(o) AS observation
