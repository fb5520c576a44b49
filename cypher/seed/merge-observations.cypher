// Upserts a batch of observations and links each to its metric. The metric is found through the
// unique :Entity(id) index (a bare `:Metric {id}` has no index: a label scan per row).
UNWIND $rows AS row
MATCH (m:Entity {id: row.metricId})
WHERE m:Metric
MERGE (o:Observation {id: row.id})
SET o = row.properties
MERGE (m)-[:HAS_OBSERVATION]->(o)
