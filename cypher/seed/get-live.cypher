// Every live record once seeding is done (seeds written, curated records kept), from which the
// dataset version is computed: the content digest of what the graph holds (domain/dataset-version.ts).
CALL () {
  MATCH (n:Entity)
  WHERE n.retiredAt IS NULL
  RETURN collect(n) AS entities
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
  RETURN collect({type: type(r), rel: properties(r), from: a.id, to: b.id}) AS relationships
}
CALL () {
  MATCH (m:Entity)-[:HAS_OBSERVATION]->(o:Observation)
  WHERE o.retiredAt IS NULL AND m.retiredAt IS NULL
  RETURN collect(properties(o)) AS observations
}
RETURN entities, relationships, observations
