// Whether an observation with this id exists.
OPTIONAL MATCH (o:Observation {id: $id})
RETURN count(o) AS count
