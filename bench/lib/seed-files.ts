import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../../src/domain';
import { toYaml } from '../../src/export';

/** Items per seed file: the merged bench graphs are written in several files, which the seed loader reads as one graph. */
export const SEED_FILE_ITEMS = 20_000;

/**
 * Writes `dataset` as seed YAML (our YAML export's format) in numbered files of at most
 * SEED_FILE_ITEMS items each: the seed loader reads every file of the directory as one graph.
 */
export function writeSeedFiles(dir: string, dataset: Dataset): void {
  const parts = [
    ...chunks(dataset.nodes).map((nodes) => ({ nodes, relationships: [], observations: [] })),
    ...chunks(dataset.relationships).map((relationships) => ({ nodes: [], relationships, observations: [] })),
    ...chunks(dataset.observations).map((observations) => ({ nodes: [], relationships: [], observations })),
  ];
  parts.forEach((part, i) => {
    writeFileSync(
      path.join(dir, `${String(i).padStart(3, '0')}.yaml`),
      toYaml({ datasetVersion: dataset.version, scope: { kind: 'graph' }, citedSources: [], ...part }),
    );
  });
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SEED_FILE_ITEMS) out.push(items.slice(i, i + SEED_FILE_ITEMS));
  return out;
}
