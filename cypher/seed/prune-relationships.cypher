// Removes relationships between entities that are no longer in the seeds; curated ones are kept.
MATCH (:Entity)-[r]->(:Entity)
WHERE NOT r.id IN $relationshipIds AND r.createdBy IS NULL
DELETE r
