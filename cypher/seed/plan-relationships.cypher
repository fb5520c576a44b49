// `npm run seed -- --dry-run`: what seed/merge-relationships would do with these rows (properties
// without the null ones, as Neo4j stores them).
UNWIND $rows AS row
OPTIONAL MATCH (:Entity {id: row.from})-[r {id: row.id}]->(:Entity {id: row.to})
WHERE type(r) = row.type
RETURN sum(CASE WHEN r IS NULL THEN 1 ELSE 0 END) AS toCreate,
       sum(CASE WHEN r IS NOT NULL AND properties(r) <> row.properties THEN 1 ELSE 0 END) AS toUpdate
