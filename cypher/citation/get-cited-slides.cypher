// For each of $sourceIds that anything cites, the distinct slides on which live entities,
// relationships between live entities and observations of live metrics cite it. Citations are
// stored as 'sourceId#slide' strings (source ids contain no '#'). One scan for the whole batch;
// the caller aligns the answer to the ids (an id nothing cites has no row) and sorts the slides.
CALL () {
  MATCH (n:Entity)
  WHERE n.retiredAt IS NULL
  RETURN n.sources AS sources
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
  RETURN r.sources AS sources
  UNION ALL
  MATCH (o:Observation)
  WHERE o.retiredAt IS NULL
  RETURN o.sources AS sources
}
UNWIND sources AS citation
WITH split(citation, '#') AS parts
WITH parts[0] AS sourceId, toInteger(parts[1]) AS slide
WHERE sourceId IN $sourceIds
RETURN sourceId, collect(DISTINCT slide) AS slides
