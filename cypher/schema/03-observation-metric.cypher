// Observations are read per metric.
CREATE INDEX observation_metric IF NOT EXISTS
FOR (o:Observation) ON (o.metricId, o.periodStart)
