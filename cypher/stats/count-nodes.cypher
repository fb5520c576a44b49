// Live (not retired) entities per kind.
MATCH (n:Entity)
WHERE n.retiredAt IS NULL
RETURN n.kind AS kind, count(*) AS count
