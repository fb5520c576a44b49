// For each query { metricId, from, to, dimensions }, the metric's observations whose period
// overlaps [from, to] and that carry every requested dimension value; a retired metric's are left out.
// An undated observation (no periodStart/periodEnd) matches no date range, only a query without one.
UNWIND range(0, size($queries) - 1) AS i
WITH i, $queries[i] AS q
OPTIONAL MATCH (o:Observation {metricId: q.metricId})
WHERE o.retiredAt IS NULL
  AND (q.from IS NULL OR o.periodEnd >= q.from)
  AND (q.to IS NULL OR o.periodStart <= q.to)
  AND all(k IN keys(q.dimensions) WHERE o['dim_' + k] = q.dimensions[k])
RETURN i, collect(properties(o)) AS observations
ORDER BY i
