// Whether an observation with this id exists (`count`), and whether it is live (`live`): a
// retired one is brought back by adding it again, a live one is a duplicate.
OPTIONAL MATCH (o:Observation {id: $id})
RETURN count(o) AS count, count(CASE WHEN o IS NOT NULL AND o.retiredAt IS NULL THEN 1 END) AS live
