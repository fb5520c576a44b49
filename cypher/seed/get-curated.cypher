// The live records curated changes created (createdBy set) that re-seeding keeps: the dataset
// version after seeding covers them as well as the seeds (domain/dataset-version.ts).
CALL {
  MATCH (n:Entity)
  WHERE n.createdBy IS NOT NULL AND n.retiredAt IS NULL
  RETURN collect(n) AS entities
}
CALL {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.createdBy IS NOT NULL AND r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
  RETURN collect({type: type(r), rel: properties(r), from: a.id, to: b.id}) AS relationships
}
CALL {
  MATCH (m:Entity)-[:HAS_OBSERVATION]->(o:Observation)
  WHERE o.createdBy IS NOT NULL AND o.retiredAt IS NULL AND m.retiredAt IS NULL
  RETURN collect(properties(o)) AS observations
}
RETURN entities, relationships, observations
