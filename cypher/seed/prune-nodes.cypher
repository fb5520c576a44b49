// Removes entities and observations no longer in the seeds (with their relationships); curated
// ones (createdBy set, by a change) are kept.
MATCH (n)
WHERE n.createdBy IS NULL
  AND ((n:Entity AND NOT n.id IN $entityIds) OR (n:Observation AND NOT n.id IN $observationIds))
DETACH DELETE n
