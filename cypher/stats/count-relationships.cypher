// Relationships between entities (observation links excluded).
MATCH (:Entity)-[r]->(:Entity)
RETURN count(r) AS count
