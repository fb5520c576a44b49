import { readFileSync } from 'node:fs';
import { ontologyMarkdown } from '../../scripts/ontology-doc';

describe('README.md', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('shows the ontology as the code defines it (run `npm run docs:ontology`)', () => {
    expect(readme).toContain(ontologyMarkdown());
  });

  it('gives exactly the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toMatch(/^npm test\b/m);
  });

  it('keeps the "Working on it" table, and links the documents the details moved to', () => {
    expect(readme).toMatch(/^## Working on it\n\n\| command \| does \|$/m);
    for (const doc of ['docs/queries.md', 'docs/curation.md', 'docs/exports.md', 'docs/explorer.md', 'docs/operations.md', 'BENCHMARKS.md']) {
      expect(readme).toContain(`](${doc})`);
    }
  });

  it('stays short: set-up, the tour and reference tables (curation and operations live in docs/)', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(260);
  });
});

describe('docs/operations.md, Configuration', () => {
  const operations = readFileSync('docs/operations.md', 'utf8');
  const section = operations.slice(operations.indexOf('\n## Configuration\n'), operations.indexOf('\n## ', operations.indexOf('\n## Configuration\n') + 1));
  const config = readFileSync('src/config.ts', 'utf8');
  /** Every environment variable src/config.ts reads: `env.NAME`, or a helper called with `(env, 'NAME'`. */
  const read = new Set([...config.matchAll(/env\.([A-Z][A-Z0-9_]*)\b|\(env, '([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1] ?? m[2]));
  /** The variables in the first column of the table. */
  const rows = [...section.matchAll(/^\| ([^|]+) \|/gm)].map((m) => m[1]).filter((cell) => cell.includes('`'));
  const tabled = new Set(rows.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1])));

  it('is found, with its table', () => {
    expect(read.size).toBeGreaterThan(20);
    expect(tabled.size).toBeGreaterThan(20);
  });

  it('documents every variable the configuration reads', () => {
    expect([...read].filter((name) => !section.includes(`\`${name}\``)).sort()).toEqual([]);
  });

  it('lists no variable the configuration does not read', () => {
    expect([...tabled].filter((name) => !read.has(name)).sort()).toEqual([]);
  });
});
