// One change record per record a change touched ($entries: kind, recordId, op, actor, at,
// sources, fields as JSON text, previousId), numbered in order from a counter on the dataset
// node: in a curated change's own transaction (which holds the dataset lock), and for
// `npm run seed -- --overwrite-curated` the `overwriteBySeed` records.
MERGE (d:Dataset {id: 'current'})
WITH d, coalesce(d.changeSeq, 0) AS last
SET d.changeSeq = last + size($entries)
WITH last
UNWIND range(0, size($entries) - 1) AS i
WITH last + i + 1 AS seq, $entries[i] AS e
CREATE (:Change {seq: seq, op: e.op, kind: e.kind, recordId: e.recordId, actor: e.actor, at: e.at,
                 sources: e.sources, fields: e.fields, previousId: e.previousId})
