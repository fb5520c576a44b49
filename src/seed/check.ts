/* `npm run seeds:check [dir]`: validates the seeds, prints every problem as file:line: message. */
import { resolve } from 'node:path';
import { NODE_KINDS } from '../domain';
import { checkSeeds } from './load-seeds';
import { formatIssue } from './seed-error';

const dir = resolve(process.argv[2] ?? 'seeds');
const check = checkSeeds(dir);
if (!check.dataset) {
  for (const issue of check.issues) console.error(formatIssue(issue));
  console.error(`\n${check.issues.length} problem(s) in ${check.files.length} seed file(s); the seeds are invalid.`);
  process.exit(1);
}
const { nodes, relationships, observations, version } = check.dataset;
const byKind = NODE_KINDS.map((k) => `${k} ${nodes.filter((n) => n.kind === k).length}`).join(', ');
console.log(
  `seeds OK (${check.files.length} files, version ${version}): ${nodes.length} nodes (${byKind}), ${relationships.length} edges, ${observations.length} observations`,
);
