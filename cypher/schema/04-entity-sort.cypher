// Lists are ordered by folded name, then id.
CREATE INDEX entity_sort IF NOT EXISTS
FOR (n:Entity) ON (n.sortKey, n.id)
