import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { datasetVersion, type Dataset } from '../domain';
import { readSeedFile, type SeedFile } from './read-yaml';
import { SeedValidationError, type SeedIssue } from './seed-error';
import { validateSeeds } from './validate';

/** Result of checking a seed directory: the dataset when valid, every issue either way. */
export interface SeedCheck {
  readonly dataset: Dataset | null;
  readonly issues: readonly SeedIssue[];
  readonly files: readonly string[];
}

/** Reads and validates every `*.yaml` file in `dir` (in name order). Never throws on bad seeds. */
export function checkSeeds(dir: string): SeedCheck {
  const issues: SeedIssue[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    issues.push({ file: relative(process.cwd(), dir) || dir, line: 1, message: `cannot read the seed directory (${reason})` });
  }
  const files: SeedFile[] = [];
  const shown = (name: string): string => relative(process.cwd(), join(dir, name)) || name;
  if (names.length === 0 && issues.length === 0) issues.push({ file: shown('.'), line: 1, message: 'no seed files (*.yaml) found' });
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8');
    files.push(readSeedFile(shown(name), text, issues));
  }
  const result = validateSeeds(files, issues);
  const dataset: Dataset | null =
    result.issues.length === 0
      ? {
          nodes: result.nodes,
          relationships: result.relationships,
          observations: result.observations,
          // The content, not the files: names, order, comments and formatting change nothing.
          version: datasetVersion(result),
          origins: result.origins,
        }
      : null;
  return { dataset, issues: result.issues, files: names.map(shown) };
}

/** Loads the seeds or throws a SeedValidationError listing every problem. */
export function loadSeeds(dir: string): Dataset {
  const check = checkSeeds(dir);
  if (!check.dataset) throw new SeedValidationError(check.issues);
  return check.dataset;
}
