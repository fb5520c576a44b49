// Change records (history) are looked up by the record they belong to.
CREATE INDEX change_record IF NOT EXISTS
FOR (c:Change) ON (c.kind, c.recordId)
