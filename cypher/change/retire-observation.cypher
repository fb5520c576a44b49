// Retires a live observation: kept, marked with who, when and why, and left out of every read
// (seedBase/seedId kept at a seed observation's first curated change, as update-observation does).
MATCH (o:Observation {id: $id})
WHERE o.retiredAt IS NULL
SET o.seedBase = CASE WHEN o.createdBy IS NULL THEN coalesce(o.seedBase, $seedBase) ELSE o.seedBase END,
    o.seedId = CASE WHEN o.createdBy IS NULL THEN coalesce(o.seedId, o.id) ELSE o.seedId END
SET o.retiredAt = $at, o.retiredBy = $actor, o.retiredSources = $sources
RETURN properties(o) AS observation
