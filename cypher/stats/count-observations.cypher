// Live metric observations.
MATCH (o:Observation)
WHERE o.retiredAt IS NULL
RETURN count(o) AS count
