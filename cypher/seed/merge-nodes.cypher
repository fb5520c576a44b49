// Upserts a batch of entities: one label per kind beside :Entity, properties replaced whole.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.properties
SET n:$(row.kind)
