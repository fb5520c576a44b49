// For each record {kind, id}, its change records oldest first (by seq); an empty list for a
// record no change touched.
UNWIND range(0, size($refs) - 1) AS i
WITH i, $refs[i] AS ref
OPTIONAL MATCH (c:Change {kind: ref.kind, recordId: ref.id})
WITH i, c
ORDER BY i, c.seq
RETURN i, collect(c {.op, .actor, .at, .sources, .fields, .previousId}) AS changes
ORDER BY i
