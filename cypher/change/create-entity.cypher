// Creates a curated entity with its kind label, recording who created it and when.
CREATE (n:Entity)
SET n = $properties
SET n:$($kind)
SET n.createdBy = $actor, n.createdAt = $at
RETURN n AS node
