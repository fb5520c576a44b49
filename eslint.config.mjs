// Lint: typescript-eslint's recommended rules, plus the import direction of ARCHITECTURE.md
// (server → graphql → domain ← store; seed → domain; server → export → domain; main wires them; web/ apart) enforced, not hoped for.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/neo4j/target/**', 'jest.config.js', 'web/explore/gql/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './src/domain',
              ['./src/config.ts', './src/main.ts', './src/seed', './src/store', './src/graphql', './src/server', './src/export', './src/telemetry'],
              'domain imports nothing else in src',
            ),
            // Redaction of secrets: used by config, the stores, the server and the CLIs, so it depends on none of them.
            zone(
              './src/redact.ts',
              ['./src/domain', './src/config.ts', './src/main.ts', './src/seed', './src/store', './src/graphql', './src/server', './src/export'],
              'redact imports nothing in src',
            ),
            // Progress on stderr for the CLIs and bench/: depends on nothing in src.
            zone(
              './src/progress.ts',
              ['./src/domain', './src/config.ts', './src/main.ts', './src/seed', './src/store', './src/graphql', './src/server', './src/export'],
              'progress imports nothing in src',
            ),
            // How main.ts and the CLIs end on an error (one masked line, exit code): depends on config and redact only.
            zone(
              './src/exit-on-error.ts',
              ['./src/domain', './src/main.ts', './src/seed', './src/store', './src/graphql', './src/server', './src/export', './src/telemetry'],
              'exit-on-error imports nothing in src but config.ts and redact.ts',
            ),
            zone(
              './src/config.ts',
              ['./src/domain', './src/main.ts', './src/seed', './src/store', './src/graphql', './src/server', './src/export'],
              'config imports nothing in src but redact.ts',
            ),
            zone(
              './src/seed',
              ['./src/config.ts', './src/main.ts', './src/store', './src/graphql', './src/server', './src/export'],
              'seed may import only domain',
            ),
            zone(
              './src/store',
              ['./src/config.ts', './src/main.ts', './src/seed', './src/graphql', './src/server', './src/export', './src/telemetry'],
              'store may import only domain',
            ),
            // The two adapters stand alone: what both need belongs in domain (or redact.ts), not in the other adapter.
            zone('./src/store/memory', ['./src/store/neo4j'], 'the memory store imports nothing from the Neo4j store'),
            zone('./src/store/neo4j', ['./src/store/memory'], 'the Neo4j store imports nothing from the memory store'),
            zone(
              './src/graphql',
              ['./src/config.ts', './src/main.ts', './src/seed', './src/store', './src/server', './src/export', './src/telemetry'],
              'graphql may import only domain',
            ),
            // Metrics and tracing: the server and main.ts use them; the store adapters report through callbacks main.ts passes in.
            zone(
              './src/telemetry',
              ['./src/config.ts', './src/main.ts', './src/seed', './src/store', './src/graphql', './src/server', './src/export'],
              'telemetry may import only domain',
            ),
            zone(
              './src/export',
              ['./src/config.ts', './src/main.ts', './src/seed', './src/store', './src/graphql', './src/server'],
              'export may import only domain',
            ),
            zone('./src/server', ['./src/main.ts', './src/seed', './src/store', './src/domain'], 'server may import only graphql, export and config'),
            // The explorer is a client of the public API: its types come from schema/schema.graphql (web/explore/gql).
            zone('./web', ['./src', './test', './bench', './scripts'], 'web imports nothing from src; its GraphQL types are generated from the SDL'),
            zone('./src', ['./web'], 'the server serves the built web pages; it imports nothing from web/'),
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
