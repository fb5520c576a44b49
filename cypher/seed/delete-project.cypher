// `npm run seed -- --reset`: removes this project's nodes — the labels it writes: :Entity (every
// entity, beside its kind label), :Observation, :Dataset and :Change (history) — with their relationships, in
// batches (auto-commit transaction). Other nodes in the database stay. Answers how many it removed.
MATCH (n)
WHERE n:Entity OR n:Observation OR n:Dataset OR n:Change
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
RETURN count(n) AS removed
