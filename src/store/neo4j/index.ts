export { connectExecutor, connectNeo4jStore, Neo4jConnectError, type Neo4jConnection } from './connect';
export { Neo4jExecutor } from './executor';
export { Neo4jStore } from './neo4j-store';
export { ensureSchema, writeDataset } from './seed-writer';
export { loadStatements, CYPHER_DIR } from './statements';
