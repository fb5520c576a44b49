export { connectExecutor, connectNeo4jStore, Neo4jConnectError, type Neo4jConnection } from './connect';
export { Neo4jExecutor, type ExecuteMode } from './executor';
export { Neo4jStore } from './neo4j-store';
export { ensureSchema, writeDataset, type SeedPart, type WriteDatasetReport } from './seed-writer';
export { planDataset, type SeedPlan, type SeedPartPlan } from './seed-plan';
export { planCurated, readCurated, type CuratedPlan, type CuratedRecord, type RevertedRecord } from './seed-curated';
export { loadStatements, CYPHER_DIR, STATEMENTS, type StatementName } from './statements';
