// Records the dataset version once every batch is in: the content digest of the live graph
// (domain/dataset-version.ts: the seeds plus the curated records kept), the version shown to
// users, and the version of the seeds alone (what the server compares with its seed files).
MERGE (d:Dataset {id: 'current'})
SET d.version = $version, d.digest = $digest, d.seededVersion = $seededVersion, d.seededAt = datetime()
