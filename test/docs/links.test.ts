/**
 * Links between the documents resolve: README.md, BENCHMARKS.md, docs/*.md and bench/notes/*.md
 * link only to files that exist and, with `#anchor`, to headings the target has (GitHub's slugs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const DOCUMENTS = [
  'README.md',
  'BENCHMARKS.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
  ...readdirSync(join('bench', 'notes'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('bench', 'notes', f)),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));
}

/** Markdown links `[text](target)` outside code, other than web and mail addresses. */
function links(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^(https?:|mailto:)/.test(t));
}

describe('links between documents', () => {
  it('slugs headings as GitHub does', () => {
    expect(slug('Node.js and install scripts')).toBe('nodejs-and-install-scripts');
    expect(slug('Set-up: two commands')).toBe('set-up-two-commands');
  });

  describe.each(DOCUMENTS)('%s', (file) => {
    it('links to files and headings that exist', () => {
      const broken = links(file).filter((target) => {
        const [path, anchor] = target.split('#');
        const resolved = path === '' ? file : normalize(join(dirname(file), path));
        if (!existsSync(resolved)) return true;
        return anchor !== undefined && resolved.endsWith('.md') && !anchors(resolved).has(anchor);
      });
      expect(broken).toEqual([]);
    });
  });
});
