// Removes entities and observations no longer in the seeds (with their relationships).
MATCH (n)
WHERE (n:Entity AND NOT n.id IN $entityIds) OR (n:Observation AND NOT n.id IN $observationIds)
DETACH DELETE n
