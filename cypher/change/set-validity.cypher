// Stores recomputed lifetimes (inclusive ISO days; null is unbounded).
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.validStart = row.start, n.validEnd = row.end
