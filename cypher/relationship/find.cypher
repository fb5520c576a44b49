// A page of the live relationships between live entities of the whole graph, ordered by type,
// then id (compareRelationships: code-unit order), with how many match in all. Criteria, each
// skipped when empty or null: $types (edge types), $from / $to (the ids of the start / end),
// $kinds (at least one end of these kinds), $validAt (an ISO day: the edge held then and both
// ends existed then). The matches are ordered once and the page cut from that list. The rules are
// the domain's (RelationshipListRules), held to by the store contract suite.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
  AND ($from IS NULL OR a.id = $from)
  AND ($to IS NULL OR b.id = $to)
  AND (size($types) = 0 OR type(r) IN $types)
  AND (size($kinds) = 0 OR a.kind IN $kinds OR b.kind IN $kinds)
  AND ($validAt IS NULL
       OR ((r.validStart IS NULL OR r.validStart <= $validAt) AND (r.validEnd IS NULL OR $validAt <= r.validEnd)
           AND (a.validStart IS NULL OR a.validStart <= $validAt) AND (a.validEnd IS NULL OR $validAt <= a.validEnd)
           AND (b.validStart IS NULL OR b.validStart <= $validAt) AND (b.validEnd IS NULL OR $validAt <= b.validEnd)))
WITH type(r) AS type, r.id AS id, a.id AS fromId, b.id AS toId, [r.id, r.validFrom, r.validTo, r.note, r.sources] AS rel
ORDER BY type, id
WITH collect([type, fromId, toId, rel]) AS matches
RETURN size(matches) AS totalCount, matches[$offset..($offset + $limit)] AS page
