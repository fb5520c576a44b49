/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  setupFiles: ['reflect-metadata'],
  // A real Neo4j for the *.int.test.ts suites (test/neo4j/README.md): started unless NEO4J_URI is set.
  globalSetup: '<rootDir>/test/neo4j/global-setup.ts',
  globalTeardown: '<rootDir>/test/neo4j/global-teardown.ts',
  testTimeout: 30000,
  // List every test, so a run shows the contract suite and the examples passing on both stores.
  verbose: true,
};
