// Records `seedBase` (the digest of its seed content) on a seed relationship at its first curated
// change (its retirement): what re-seeding compares against. A curator's own relationship
// (createdBy) and one that has a seedBase already are left alone.
MATCH (:Entity {id: $from})-[r {id: $id}]->(:Entity)
WHERE r.createdBy IS NULL AND r.seedBase IS NULL
SET r.seedBase = $seedBase
