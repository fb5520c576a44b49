// First statement of every curated change: takes the write lock on the dataset node, so changes
// update the content digest one after another, and returns the digest as it is under the lock.
MATCH (d:Dataset {id: 'current'})
SET d.revision = coalesce(d.revision, 0) + 1
RETURN d.digest AS digest
