// Whether live edges of one type ($type, compared with type(r): a type is never spliced into
// the text) lead from $start to $end, read before an edge of an acyclic type from $end to
// $start is added (it would close a cycle). shortestPath searches breadth-first.
MATCH (a:Entity {id: $start}), (b:Entity {id: $end})
OPTIONAL MATCH p = shortestPath((a)-[*1..]->(b))
WHERE all(r IN relationships(p) WHERE type(r) = $type AND r.retiredAt IS NULL)
  AND all(n IN nodes(p) WHERE n.retiredAt IS NULL)
RETURN p IS NOT NULL AS found
