// Updates a live entity's properties (a null removes one), recording who updated it and when.
MATCH (n:Entity {id: $id})
WHERE n.retiredAt IS NULL
SET n += $properties
SET n.updatedBy = $actor, n.updatedAt = $at
RETURN n AS node
