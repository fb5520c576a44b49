// Entities per kind.
MATCH (n:Entity)
RETURN n.kind AS kind, count(*) AS count
