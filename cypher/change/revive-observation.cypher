// Brings back a retired observation added again with the same id: its properties replaced whole,
// recording who added it and when; `seedBase`/`seedId` (what re-seeding compares) are kept.
MATCH (o:Observation {id: $id})
WHERE o.retiredAt IS NOT NULL
WITH o, o.seedBase AS seedBase, o.seedId AS seedId
SET o = $properties
SET o.createdBy = $actor, o.createdAt = $at, o.seedBase = seedBase, o.seedId = seedId
RETURN properties(o) AS observation
