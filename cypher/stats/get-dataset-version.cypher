// The version (content hash of the seeds) of the dataset the graph holds.
OPTIONAL MATCH (d:Dataset {id: 'current'})
RETURN d.version AS version
