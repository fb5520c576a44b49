// `npm run seed -- --dry-run`: what seed/merge-nodes would do with these rows. A row's properties
// leave out the null ones (Neo4j stores no null property), so an unchanged entity compares equal.
UNWIND $rows AS row
OPTIONAL MATCH (n:Entity {id: row.id})
RETURN sum(CASE WHEN n IS NULL THEN 1 ELSE 0 END) AS toCreate,
       sum(CASE WHEN n IS NOT NULL AND (properties(n) <> row.properties OR NOT row.kind IN labels(n)) THEN 1 ELSE 0 END) AS toUpdate
