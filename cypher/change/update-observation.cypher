// Corrects a live observation: its properties are patched ($properties: a null removes one; a new
// period or dimensions give it a new `id`), recording who and when. At a seed observation's first
// curated change, `seedBase` (the digest of its seed content) and `seedId` (its id in the seeds)
// are kept for re-seeding to compare against; a curator's own observation (createdBy) has none.
MATCH (o:Observation {id: $id})
WHERE o.retiredAt IS NULL
SET o.seedBase = CASE WHEN o.createdBy IS NULL THEN coalesce(o.seedBase, $seedBase) ELSE o.seedBase END,
    o.seedId = CASE WHEN o.createdBy IS NULL THEN coalesce(o.seedId, o.id) ELSE o.seedId END
SET o += $properties
SET o.updatedBy = $actor, o.updatedAt = $at
RETURN properties(o) AS observation
