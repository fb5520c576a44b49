/**
 * Two projects: `unit` (every suite that needs no Neo4j; `npm run test:unit`, starts no JVM) and
 * `neo4j` (the `*.int.test.ts` suites, with a real Neo4j started by globalSetup unless NEO4J_URI is
 * set; test/neo4j/README.md). `npm test` runs both.
 */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['\\.int\\.test\\.ts$'] },
    {
      ...common,
      displayName: 'neo4j',
      testMatch: ['**/*.int.test.ts'],
      // Run only when a suite of this project runs: `npm run test:unit` starts no Neo4j.
      globalSetup: '<rootDir>/test/neo4j/global-setup.ts',
      globalTeardown: '<rootDir>/test/neo4j/global-teardown.ts',
    },
  ],
  // A global option (a project's own testTimeout is not read).
  testTimeout: 30000,
  // List every test, so a run shows the contract suite and the examples passing on both stores.
  verbose: true,
};
