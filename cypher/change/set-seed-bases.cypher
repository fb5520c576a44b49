// Records `seedBase` (the digest of its seed content) on seed records at their first curated
// change, for those a statement could not give it to itself: a retired metric's observations.
// A curator's own record (createdBy) and one that has a seedBase already are left alone.
UNWIND $rows AS row
MATCH (o:Observation {id: row.id})
WHERE o.createdBy IS NULL AND o.seedBase IS NULL
SET o.seedBase = row.base, o.seedId = o.id
