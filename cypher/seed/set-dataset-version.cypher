// Records the dataset version once every batch is in.
MERGE (d:Dataset {id: 'current'})
SET d.version = $version, d.seededAt = datetime()
