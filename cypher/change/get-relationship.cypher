// Whether a live relationship with this id starts at $from (ids read `from:TYPE:to[@validFrom]`).
OPTIONAL MATCH (a:Entity {id: $from})-[r {id: $id}]->(b:Entity)
WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
RETURN count(r) AS live
