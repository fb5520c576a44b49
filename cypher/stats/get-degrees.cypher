// Upper bounds on list sizes for the query cost estimate (src/domain/degrees.ts), over live
// (not retired) entities, relationships between them and observations. One row per statistic:
//   degree: most edges of one type one entity of a kind has, per direction (OUT, IN, BOTH);
//   total: most edges of any type one entity of a kind has, per direction;
//   nodes / entityCitations: live entities per kind, most citations on one of them;
//   relationships / relationshipCitations, observations / observationCitations /
//   observationsPerMetric / dimensions: counts and maxima over the whole graph;
//   historyEntries: most change records of one record (retired ones too: an upper bound).
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
  UNWIND [[a, 'OUT'], [b, 'IN']] AS end
  WITH end[0] AS n, end[1] AS direction, type(r) AS type, count(*) AS degree
  WITH n, type, collect([direction, degree]) AS byDirection, sum(degree) AS both
  UNWIND byDirection + [['BOTH', both]] AS d
  RETURN 'degree' AS stat, n.kind AS kind, type, d[0] AS direction, max(d[1]) AS value
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
  UNWIND [[a, 'OUT'], [b, 'IN']] AS end
  WITH end[0] AS n, end[1] AS direction, count(*) AS degree
  WITH n, collect([direction, degree]) AS byDirection, sum(degree) AS both
  UNWIND byDirection + [['BOTH', both]] AS d
  RETURN 'total' AS stat, n.kind AS kind, null AS type, d[0] AS direction, max(d[1]) AS value
  UNION ALL
  MATCH (n:Entity)
  WHERE n.retiredAt IS NULL
  WITH n.kind AS kind, count(*) AS nodes, max(size(coalesce(n.sources, []))) AS citations
  UNWIND [['nodes', nodes], ['entityCitations', citations]] AS s
  RETURN s[0] AS stat, kind, null AS type, null AS direction, s[1] AS value
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
  WITH count(r) AS relationships, max(size(coalesce(r.sources, []))) AS citations
  UNWIND [['relationships', relationships], ['relationshipCitations', coalesce(citations, 0)]] AS s
  RETURN s[0] AS stat, null AS kind, null AS type, null AS direction, s[1] AS value
  UNION ALL
  MATCH (o:Observation)
  WHERE o.retiredAt IS NULL
  WITH o.metricId AS metricId, count(*) AS perMetric,
       max(size(coalesce(o.sources, []))) AS citations,
       max(size(coalesce(o.dimensionKeys, []))) AS dimensions
  WITH sum(perMetric) AS observations, max(perMetric) AS perMetric, max(citations) AS citations, max(dimensions) AS dimensions
  UNWIND [['observations', observations], ['observationsPerMetric', coalesce(perMetric, 0)],
          ['observationCitations', coalesce(citations, 0)], ['dimensions', coalesce(dimensions, 0)]] AS s
  RETURN s[0] AS stat, null AS kind, null AS type, null AS direction, s[1] AS value
  UNION ALL
  OPTIONAL MATCH (c:Change)
  WITH c.kind AS kind, c.recordId AS recordId, count(c) AS entries
  RETURN 'historyEntries' AS stat, null AS kind, null AS type, null AS direction, coalesce(max(entries), 0) AS value
}
RETURN stat, kind, type, direction, value
