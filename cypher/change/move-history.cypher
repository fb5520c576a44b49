// Observations whose id changed ($moves: {from, to}): their earlier change records move to the
// new id (a correction of the period or dimensions; `--overwrite-curated` moving one back).
UNWIND $moves AS move
MATCH (c:Change {kind: 'OBSERVATION', recordId: move.from})
SET c.recordId = move.to
