// Removes relationships between entities that are no longer in the seeds.
MATCH (:Entity)-[r]->(:Entity)
WHERE NOT r.id IN $relationshipIds
DELETE r
