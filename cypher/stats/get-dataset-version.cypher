// The version (content digest of the live graph, kept current by every curated change) and the
// version of the seeds last written.
OPTIONAL MATCH (d:Dataset {id: 'current'})
RETURN d.version AS version, d.seededVersion AS seededVersion
