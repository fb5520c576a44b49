// Upserts a batch of observations and links each to its metric.
UNWIND $rows AS row
MATCH (m:Metric {id: row.metricId})
MERGE (o:Observation {id: row.id})
SET o = row.properties
MERGE (m)-[:HAS_OBSERVATION]->(o)
