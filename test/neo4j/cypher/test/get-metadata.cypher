// The metadata of the transaction it runs in, as Neo4j recorded it.
CALL tx.getMetaData() YIELD metadata
RETURN metadata
