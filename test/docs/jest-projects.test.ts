/**
 * `npm run test:unit` needs no Java: the `unit` project has no global setup (the test Neo4j is the
 * `neo4j` project's), and none of its suites reaches for the test Neo4j. `npm test` runs both.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Project {
  displayName: string;
  testMatch: string[];
  testPathIgnorePatterns?: string[];
  globalSetup?: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../jest.config.js') as { projects: Project[]; globalSetup?: string };

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('jest projects', () => {
  const unit = config.projects.find((p) => p.displayName === 'unit')!;
  const neo4j = config.projects.find((p) => p.displayName === 'neo4j')!;

  it('start the test Neo4j only for the neo4j project', () => {
    expect(config.globalSetup).toBeUndefined();
    expect(unit.globalSetup).toBeUndefined();
    expect(neo4j.globalSetup).toBe('<rootDir>/test/neo4j/global-setup.ts');
  });

  it('put every suite in exactly one project, the Neo4j ones in neo4j', () => {
    const files = testFiles('test').map((f) => relative('.', f));
    const isInt = (f: string): boolean => f.endsWith('.int.test.ts');
    const ignoredByUnit = (f: string): boolean => (unit.testPathIgnorePatterns ?? []).some((p) => new RegExp(p).test(f));
    for (const file of files) expect([file, ignoredByUnit(file)]).toEqual([file, isInt(file)]);
    expect(neo4j.testMatch).toEqual(['**/*.int.test.ts']);
    // No unit suite asks for the test Neo4j.
    const self = relative('.', __filename);
    const reaching = files.filter((f) => !isInt(f) && f !== self && /neo4j-target|neo4j\/start'|NEO4J_TEST_/.test(readFileSync(f, 'utf8')));
    expect(reaching).toEqual([]);
  });
});
