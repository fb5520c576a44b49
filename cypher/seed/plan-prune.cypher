// `npm run seed -- --dry-run`: what seed/prune-nodes and seed/prune-relationships would remove
// (records no longer in the seeds; curated ones, with createdBy set, stay).
CALL () {
  MATCH (n:Entity)
  WHERE n.createdBy IS NULL AND NOT n.id IN $entityIds
  RETURN count(n) AS entities
}
CALL () {
  MATCH (o:Observation)
  WHERE o.createdBy IS NULL AND NOT o.id IN $observationIds
  RETURN count(o) AS observations
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WHERE r.createdBy IS NULL AND NOT r.id IN $relationshipIds
  RETURN count(r) AS relationships
}
RETURN entities, observations, relationships
