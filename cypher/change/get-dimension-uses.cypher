// The live observations naming an entity in one of the entity dimensions ($keys: state,
// country, …), read before the entity is retired: how many, and the first $shown ids.
MATCH (m:Entity)-[:HAS_OBSERVATION]->(o:Observation)
WHERE m.retiredAt IS NULL AND o.retiredAt IS NULL
  AND any(key IN o.dimensionKeys WHERE key IN $keys AND o['dim_' + key] = $id)
WITH o.id AS id
ORDER BY id
RETURN count(id) AS count, collect(id)[0..$shown] AS ids
