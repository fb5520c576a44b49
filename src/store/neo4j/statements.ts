import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Where the Cypher lives: `cypher/` at the project root (the same from src/ and dist/). */
export const CYPHER_DIR = resolve(__dirname, '../../../cypher');

/** Every statement file under `dir`, keyed by path without extension: `node/get-by-ids`. */
export function loadStatements(dir: string = CYPHER_DIR): ReadonlyMap<string, string> {
  const statements = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.cypher')) statements.set(relative(dir, path).replace(/\.cypher$/, ''), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return statements;
}

/** The constraints and indexes, in the order `ensureSchema` creates them; the last waits until the indexes are online. */
export const SCHEMA_STATEMENTS = [
  'schema/01-entity-id-unique',
  'schema/02-observation-id-unique',
  'schema/03-observation-metric',
  'schema/04-entity-sort',
  'schema/05-entity-kind',
  'schema/06-entity-search',
  'schema/06-search-nodes',
  'schema/06-search-relationships',
  'schema/07-change-record',
  'schema/07-dataset-id-unique',
  'schema/08-await-indexes',
] as const;

/** Every statement name (a file in `cypher/`: a test checks that they match); loading fails at startup if one is missing. */
export const STATEMENTS = [
  ...SCHEMA_STATEMENTS,
  'node/get-by-ids',
  'node/find',
  'node/list',
  'relationship/get-for-nodes',
  'relationship/find',
  'citation/get-cited-items',
  'citation/get-cited-slides',
  'search/query',
  'observation/get-for-metrics',
  'stats/count-nodes',
  'stats/count-relationships',
  'stats/count-observations',
  'stats/get-dataset-version',
  'stats/get-degrees',
  'seed/merge-nodes',
  'seed/merge-relationships',
  'seed/merge-observations',
  'seed/prune-nodes',
  'seed/prune-relationships',
  'seed/set-dataset-version',
  'seed/get-curated',
  'seed/get-live',
  'seed/delete-project',
  'seed/count-project',
  'seed/plan-nodes',
  'seed/plan-relationships',
  'seed/plan-observations',
  'seed/plan-prune',
  'change/lock-dataset',
  'change/set-dataset-digest',
  'change/get-nodes',
  'change/get-observation-units',
  'change/get-dimension-uses',
  'change/get-path-exists',
  'change/lock-entity',
  'change/create-entity',
  'change/update-entity',
  'change/retire-entity',
  'change/merge-relationship',
  'change/retire-relationship',
  'change/get-observation',
  'change/add-observation',
  'change/get-replaced-from',
  'change/set-validity',
  'change/get-live-observation',
  'change/revive-observation',
  'change/update-observation',
  'change/retire-observation',
  'change/set-seed-bases',
  'change/set-relationship-seed-base',
  'change/write-history',
  'change/move-history',
  'history/get-for-records',
] as const;

export type StatementName = (typeof STATEMENTS)[number];
