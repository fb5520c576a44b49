// Waits until every index above is online, so the first queries after seeding use them: up to
// 300 s, and no longer than the transaction timeout (NEO4J_TIMEOUT_MS). ensureSchema runs it last.
CALL db.awaitIndexes(300)
