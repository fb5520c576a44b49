// Live relationships between live entities (observation links excluded).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.retiredAt IS NULL AND a.retiredAt IS NULL AND b.retiredAt IS NULL
RETURN count(r) AS count
