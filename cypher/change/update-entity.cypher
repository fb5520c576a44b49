// Updates a live entity's properties (a null removes one), recording who updated it and when.
// At a seed entity's first curated change, `seedBase` (the digest of its seed content) is kept
// for re-seeding to compare against; a curator's own entity (createdBy) has none.
MATCH (n:Entity {id: $id})
WHERE n.retiredAt IS NULL
SET n.seedBase = CASE WHEN n.createdBy IS NULL THEN coalesce(n.seedBase, $seedBase) ELSE n.seedBase END
SET n += $properties
SET n.updatedBy = $actor, n.updatedAt = $at
RETURN n AS node
