// Reverse provenance: the live entities, relationships (between live entities) and observations
// (of live metrics) that cite any of $sourceIds. Citations are stored as 'sourceId#slide' strings
// and source ids contain no '#', so the part before '#' names the source. One row per item, for
// all the sources of a batch at once (one scan however many sources); the caller hands each
// query the items that cite its source (on its slide) and orders them (compareCitedItems).
// Entities as rows in mappers.ts NODE_ROW order; relationships as [id, validFrom, validTo, note,
// sources] with type and ends; observations as their properties.
CALL () {
  MATCH (n:Entity)
  WHERE n.retiredAt IS NULL AND any(c IN n.sources WHERE split(c, '#')[0] IN $sourceIds)
  WITH properties(n) AS p
  RETURN 'ENTITY' AS kind, null AS type, null AS fromId, null AS toId,
         [p.id, p.kind, p.name, p.aliases, p.description, p.type, p.unit, p.publisher, p.year, p.sources, p.date, p.established, p.launched, p.signed, p.inForce, p.ended, p.dateQualifiers] AS row
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
    AND any(c IN r.sources WHERE split(c, '#')[0] IN $sourceIds)
  RETURN 'RELATIONSHIP' AS kind, type(r) AS type, a.id AS fromId, b.id AS toId,
         [r.id, r.validFrom, r.validTo, r.note, r.sources] AS row
  UNION ALL
  MATCH (o:Observation)
  WHERE o.retiredAt IS NULL AND any(c IN o.sources WHERE split(c, '#')[0] IN $sourceIds)
  RETURN 'OBSERVATION' AS kind, null AS type, null AS fromId, null AS toId, properties(o) AS row
}
RETURN kind, type, fromId, toId, row
