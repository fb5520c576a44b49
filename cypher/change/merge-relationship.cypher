// Adds a curated relationship (or brings back a retired one with the same id: its properties are
// replaced whole), recording who added it and when.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MERGE (a)-[r:$($type) {id: $id}]->(b)
SET r = $properties
SET r.createdBy = $actor, r.createdAt = $at
RETURN properties(r) AS rel, b AS other
