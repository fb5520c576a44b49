// Adds a curated relationship (or brings back a retired one with the same id: its properties are
// replaced whole), recording who added it and when. Whether a live one is already there is decided
// by this MERGE, which holds the lock on both ends, not by an earlier read: `existed` is true, and
// nothing is written, when it was (the store answers the duplicate error). A revived seed
// relationship keeps its `seedBase` (what re-seeding compares against).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MERGE (a)-[r:$($type) {id: $id}]->(b)
  ON CREATE SET r.retiredAt = $at
WITH b, r, r.retiredAt IS NULL AS existed, r.seedBase AS seedBase
FOREACH (_ IN CASE WHEN existed THEN [] ELSE [1] END |
  SET r = $properties, r.createdBy = $actor, r.createdAt = $at, r.seedBase = seedBase
)
RETURN existed, properties(r) AS rel, b AS other
