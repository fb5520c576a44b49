// The live observation a correction or retirement names (null when none), and how many live
// observations its metric has (a metric keeps at least one), read inside the change's transaction.
OPTIONAL MATCH (o:Observation {id: $id})
WHERE o.retiredAt IS NULL
OPTIONAL MATCH (m:Entity {id: o.metricId})
RETURN properties(o) AS observation,
       CASE WHEN o IS NULL THEN 0
            ELSE COUNT { (m)-[:HAS_OBSERVATION]->(x:Observation) WHERE x.retiredAt IS NULL } END AS count
