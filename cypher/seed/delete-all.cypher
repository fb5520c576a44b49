// Empties the database in batches (auto-commit transaction), for `npm run seed -- --reset`.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
