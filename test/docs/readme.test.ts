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
});
