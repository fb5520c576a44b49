// Last statement of every curated change: the content digest and version after it, in the
// change's own transaction.
MATCH (d:Dataset {id: 'current'})
SET d.digest = $digest, d.version = $version
