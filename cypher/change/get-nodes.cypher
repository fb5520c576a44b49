// Entities a change refers to, retired ones included (the caller reads retiredAt), read inside
// the change's write transaction.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n AS node
