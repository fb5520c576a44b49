// A page of entities ordered by folded name then id, with the total that match.
// Retired entities and relationships are left out.
// $topics already holds the requested topics; narrower ones are followed here via BROADER.
MATCH (n:Entity)
WHERE n.retiredAt IS NULL
  AND (size($kinds) = 0 OR n.kind IN $kinds)
  AND (size($types) = 0 OR n.type IN $types)
  AND (size($topics) = 0 OR EXISTS {
        MATCH p = (n)-[:ADDRESSES]->(:Topic)-[:BROADER*0..]->(t:Topic)
        WHERE t.id IN $topics
          AND all(r IN relationships(p) WHERE r.retiredAt IS NULL)
          AND all(x IN nodes(p) WHERE x.retiredAt IS NULL)
      })
  AND (size($relatedTo) = 0 OR EXISTS {
        MATCH (n)-[r]-(other:Entity)
        WHERE other.id IN $relatedTo AND r.retiredAt IS NULL AND other.retiredAt IS NULL
      })
  AND ($validAt IS NULL OR ((n.validStart IS NULL OR n.validStart <= $validAt) AND (n.validEnd IS NULL OR $validAt <= n.validEnd)))
  AND (($from IS NULL AND $to IS NULL) OR any(i IN range(0, size(n.dateStarts) - 1)
        WHERE ($to IS NULL OR n.dateStarts[i] <= $to) AND ($from IS NULL OR n.dateEnds[i] >= $from)))
WITH n
ORDER BY n.sortKey, n.id
WITH collect(n) AS matches
RETURN size(matches) AS totalCount, matches[$offset..($offset + $limit)] AS page
