// Records the dataset version once every batch is in: the content digest of what was written
// (domain/dataset-version.ts), the version shown to users, and the version the seeds had (which
// curated changes move `version` away from).
MERGE (d:Dataset {id: 'current'})
SET d.version = $version, d.digest = $digest, d.seededVersion = $version, d.seededAt = datetime()
