// For each live entity, the validFrom of every live REPLACES edge into it, from which its
// lifetime (validStart/validEnd, for validAt) is recomputed.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.retiredAt IS NULL
OPTIONAL MATCH (a:Entity)-[r:REPLACES]->(n)
WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND r.validFrom IS NOT NULL
RETURN n AS node, collect(r.validFrom) AS replacedFrom
