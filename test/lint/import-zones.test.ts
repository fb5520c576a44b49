/**
 * The import rules of eslint.config.mjs hold where they matter most: each store adapter is refused
 * an import of the other. Lints probe files through the real `eslint` (a child process: the
 * config is an ES module), as if they were written inside each adapter's folder.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ESLINT = join(process.cwd(), 'node_modules/.bin/eslint');

/** The messages eslint gives `text` as the file `path` (never written to disk). */
function lint(path: string, text: string): Array<{ ruleId: string | null; message: string }> {
  const run = spawnSync(ESLINT, ['--format', 'json', '--stdin', '--stdin-filename', path], { input: text, encoding: 'utf8' });
  if (run.error) throw run.error;
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result.messages;
}

const restricted = (messages: ReturnType<typeof lint>) => messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);

describe('import zones between the store adapters', () => {
  it('refuses an import of the Neo4j store in the memory store', () => {
    const messages = lint('src/store/memory/probe.ts', "import { Neo4jStore } from '../neo4j';\nexport const probe = Neo4jStore;\n");
    expect(restricted(messages)).toEqual([expect.stringContaining('the memory store imports nothing from the Neo4j store')]);
  });

  it('refuses an import of the memory store in the Neo4j store', () => {
    const messages = lint('src/store/neo4j/probe.ts', "import { MemoryStore } from '../memory/memory-store';\nexport const probe = MemoryStore;\n");
    expect(restricted(messages)).toEqual([expect.stringContaining('the Neo4j store imports nothing from the memory store')]);
  });

  it('lets each adapter import domain', () => {
    for (const folder of ['memory', 'neo4j']) {
      expect(restricted(lint(`src/store/${folder}/probe.ts`, "import { NodeKind } from '../../domain';\nexport const probe = NodeKind;\n"))).toEqual([]);
    }
  });
});
