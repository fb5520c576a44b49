// Takes the write lock on a live entity before it is updated or retired, so two changes to one
// entity run one after the other; returns the entity as it is under the lock.
MATCH (n:Entity {id: $id})
WHERE n.retiredAt IS NULL
SET n.revision = coalesce(n.revision, 0) + 1
RETURN n AS node
