// The units of a live metric's live observations, read before a change of its unit: the unit
// must still measure what they do (the seed checker's rule for observations).
MATCH (m:Entity {id: $metricId})-[:HAS_OBSERVATION]->(o:Observation)
WHERE m.retiredAt IS NULL AND o.retiredAt IS NULL
RETURN collect(o.unit) AS units
