// `npm run seed -- --reset --dry-run`: how many nodes seed/delete-project would remove.
MATCH (n)
WHERE n:Entity OR n:Observation OR n:Dataset OR n:Change
RETURN count(n) AS nodes
