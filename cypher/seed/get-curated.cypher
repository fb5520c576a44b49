// Every record curation touched, live or retired, read before re-seeding decides what to keep:
// created (createdBy), corrected (updatedBy), retired (retiredAt), or carrying `seedBase` (the
// digest of its seed content at its first curated change) and, for an observation, `seedId`.
CALL () {
  MATCH (n:Entity)
  WHERE n.createdBy IS NOT NULL OR n.updatedBy IS NOT NULL OR n.retiredAt IS NOT NULL OR n.seedBase IS NOT NULL
  RETURN collect(properties(n)) AS entities
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.createdBy IS NOT NULL OR r.retiredAt IS NOT NULL OR r.seedBase IS NOT NULL
  RETURN collect({type: type(r), rel: properties(r), from: a.id, to: b.id}) AS relationships
}
CALL () {
  MATCH (o:Observation)
  WHERE o.createdBy IS NOT NULL OR o.updatedBy IS NOT NULL OR o.retiredAt IS NOT NULL OR o.seedBase IS NOT NULL
  RETURN collect(properties(o)) AS observations
}
RETURN entities, relationships, observations
