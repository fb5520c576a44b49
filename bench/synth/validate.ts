import { seedDates, type Citation, type Dataset } from '../../src/domain';
import type { SeedFile, SeedItem } from '../../src/seed/read-yaml';
import { validateSeeds, type ValidationResult } from '../../src/seed/validate';

/**
 * Runs the seed checker (src/seed/validate.ts: the per-item rules of src/domain/item-rules.ts,
 * duplicate ids, dangling ids, citations of Sources) over a Dataset, by writing each node, edge
 * and observation back as the seed item it would be in YAML. A valid dataset comes back with no
 * issues and equal to itself (ids recomputed, periods parsed, citations resolved).
 */
export function validateDataset(dataset: Dataset): ValidationResult {
  const file: SeedFile = {
    nodes: dataset.nodes.map((n, i) =>
      item(i, {
        id: n.id,
        kind: n.kind,
        ...(n.type !== null ? { type: n.type } : {}),
        name: n.name,
        ...(n.aliases.length > 0 ? { aliases: [...n.aliases] } : {}),
        ...(n.description !== null ? { description: n.description } : {}),
        ...(Object.keys(n.dates).length > 0 ? { dates: seedDates(n.dates, n.dateQualifiers) } : {}),
        ...(n.unit !== null ? { unit: n.unit } : {}),
        ...(n.publisher !== null ? { publisher: n.publisher } : {}),
        ...(n.year !== null ? { year: n.year } : {}),
        sources: cites(n.sources),
      }),
    ),
    edges: dataset.relationships.map((r, i) =>
      item(i, {
        from: r.from,
        type: r.type,
        to: r.to,
        ...(r.validFrom !== null ? { validFrom: r.validFrom } : {}),
        ...(r.validTo !== null ? { validTo: r.validTo } : {}),
        ...(r.note !== null ? { note: r.note } : {}),
        sources: cites(r.sources),
      }),
    ),
    observations: dataset.observations.map((o, i) =>
      item(i, {
        metric: o.metricId,
        value: o.value,
        unit: o.unit,
        // An undated observation is written as the seeds write it: no period, the year reported.
        ...(o.period !== null ? { period: o.period } : { reported: o.reportedIn }),
        ...(Object.keys(o.dimensions).length > 0 ? { dimensions: { ...o.dimensions } } : {}),
        ...(o.qualifier !== null ? { qualifier: o.qualifier } : {}),
        ...(o.note !== null ? { note: o.note } : {}),
        sources: cites(o.sources),
      }),
    ),
  };
  return validateSeeds([file]);
}

function cites(sources: readonly Citation[]): string[] {
  return sources.map((c) => `${c.sourceId}#${c.slide}`);
}

/** A seed item whose "line" is its position in its list (1-based), so an issue names the item. */
function item(index: number, value: Record<string, unknown>): SeedItem {
  return { file: 'synthetic', line: index + 1, value, lineOf: () => index + 1 };
}
