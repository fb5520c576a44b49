// Metric observations.
MATCH (o:Observation)
RETURN count(o) AS count
