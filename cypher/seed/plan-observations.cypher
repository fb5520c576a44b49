// `npm run seed -- --dry-run`: what seed/merge-observations would do with these rows (properties
// without the null ones, as Neo4j stores them; an observation not linked to its metric changes).
UNWIND $rows AS row
OPTIONAL MATCH (o:Observation {id: row.id})
RETURN sum(CASE WHEN o IS NULL THEN 1 ELSE 0 END) AS toCreate,
       sum(CASE WHEN o IS NOT NULL AND (properties(o) <> row.properties OR NOT EXISTS { (:Entity {id: row.metricId})-[:HAS_OBSERVATION]->(o) }) THEN 1 ELSE 0 END) AS toUpdate
