/**
 * Every folder README under `src/` (and `bench/`, `cypher/`, `web/`) matches its folder: it names
 * each source file it covers, and every file it names exists. A README covers its folder and the
 * subfolders that have no README of their own (`src/store/README.md` covers `memory/` and `neo4j/`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

const ROOTS = ['src', 'bench', 'cypher', 'web'];
const SOURCE = /\.(ts|mts|cypher)$/;
/** A file-looking name: a path ending in an extension this repository uses (no globs, no `<placeholders>`). */
const MENTION = /[\w@*<>./-]+\.(?:ts|mts|js|cypher|md|json|graphql|ya?ml|svg|html|css|mjs)(?![\w-])/g;

/** Tracked and untracked-but-not-ignored files (generated folders such as `web/explore/gql/` are ignored). */
function repoFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...ROOTS], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f !== '' && existsSync(f));
}

/** The folder whose README covers `file`: its nearest ancestor folder (within a root) that has one. */
function coveringReadme(file: string, readmes: ReadonlySet<string>): string | undefined {
  for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) {
    if (readmes.has(join(dir, 'README.md'))) return join(dir, 'README.md');
  }
  return undefined;
}

/** What a README names: every file-looking token, and (for Cypher statements, named by name) every backticked path. */
function mentionsOf(text: string): { files: string[]; spans: Set<string> } {
  const files = [...text.matchAll(MENTION)].map((m) => m[0].replace(/^\.\//, ''));
  const spans = new Set([...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]));
  return { files, spans };
}

const files = repoFiles();
const readmes = new Set(files.filter((f) => posix.basename(f) === 'README.md' && ROOTS.includes(f.split('/')[0]) && f.includes('/')));
const covered = new Map<string, string[]>([...readmes].map((r) => [r, []]));
for (const file of files) {
  if (!SOURCE.test(file)) continue;
  const readme = coveringReadme(file, readmes);
  if (readme) covered.get(readme)!.push(file);
}

/** The folder and its ancestors up to the repository root: `src/server`, `src`, `.`. */
function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; d !== '.'; d = dirname(d)) out.push(d);
  return [...out, '.'];
}

/**
 * The files `mention` may mean: relative to the README's folder or one of its ancestors (`main.ts`
 * in `src/server/README.md` is `src/main.ts`), or a covered file it is the tail of (`search-index.ts`
 * in `src/store/README.md` is `memory/search-index.ts`).
 */
function resolve(mention: string, dir: string, own: readonly string[]): string[] {
  const direct = ancestors(dir)
    .map((d) => join(d, mention))
    .filter((p) => existsSync(p));
  if (direct.length > 0) return [direct[0]];
  const tails = own.filter((f) => f.endsWith(`/${mention}`));
  if (tails.length > 0) return tails;
  // Not a covered source file, but a file in the folder's tree all the same (`type-defs.graphql`).
  return files.filter((f) => f.startsWith(`${dir}/`) && f.endsWith(`/${mention}`));
}

describe('folder READMEs', () => {
  it('are found (src/ has several)', () => {
    expect([...readmes].filter((r) => r.startsWith('src/')).length).toBeGreaterThan(5);
  });

  describe.each([...readmes].sort())('%s', (readme) => {
    const dir = dirname(readme);
    const own = covered.get(readme)!;
    const { files: mentioned, spans } = mentionsOf(readFileSync(readme, 'utf8'));
    // Globs (`*.int.test.ts`), placeholders (`bench/notes/<bench>.md`) and library names (`Chart.js`) name no file.
    const concrete = mentioned.filter((m) => !/[*<>]/.test(m) && !/^[A-Z][\w-]*\.js$/.test(m));

    it('names every file it covers', () => {
      const named = new Set<string>();
      for (const m of concrete) {
        const hits = resolve(m, dir, own);
        // A bare name shared by two covered files (memory/index.ts, neo4j/index.ts) names neither.
        if (hits.length === 1) named.add(hits[0]);
      }
      // A Cypher statement is named as it is loaded: `node/get-by-ids`, relative to its root folder.
      const statementName = (f: string): string => posix.relative(dir, f).replace(/\.cypher$/, '');
      const unnamed = own.filter((f) => !named.has(f) && !(f.endsWith('.cypher') && spans.has(statementName(f))));
      expect(unnamed).toEqual([]);
    });

    it('names no file that does not exist', () => {
      const missing = concrete.filter((m) => resolve(m, dir, own).length === 0);
      expect(missing).toEqual([]);
    });
  });
});
