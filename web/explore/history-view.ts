// A record's curated history as the explorer shows it: one line per change, oldest first, saying
// what was done, by whom, on which day, what changed (old → new) and the change's own citations.
import { citation, h } from './dom';
import type { HistoryOp } from './gql/graphql';

export interface HistoryItem {
  readonly op: HistoryOp;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly previousId?: string | null;
  readonly fields: ReadonlyArray<{ readonly field: string; readonly before?: unknown; readonly after?: unknown }>;
  readonly sources: ReadonlyArray<{ readonly slide: number; readonly source: { readonly name: string } }>;
}

const DONE: Record<HistoryOp, string> = {
  createEntity: 'Created',
  updateEntity: 'Updated',
  retireEntity: 'Retired',
  addRelationship: 'Added',
  retireRelationship: 'Retired',
  addObservation: 'Added',
  updateObservation: 'Corrected',
  retireObservation: 'Withdrawn',
  overwriteBySeed: 'Reset to the seeds',
};

function shown(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string') return `“${value}”`;
  if (Array.isArray(value)) return value.map(shown).join(', ');
  return JSON.stringify(value);
}

/** "Corrected by lena on 2026-12-05: value 1,660,000 → 1,700,000" (a creation lists no fields; citations are shown apart). */
export function changeText(item: HistoryItem): string {
  const head = `${DONE[item.op]} by ${item.recordedBy} on ${item.recordedAt.slice(0, 10)}`;
  const creation = item.op === 'createEntity' || item.op === 'addRelationship' || item.op === 'addObservation';
  const fields = creation ? [] : item.fields.filter((f) => f.field !== 'sources').map((f) => `${f.field} ${shown(f.before)} → ${shown(f.after)}`);
  const moved = item.previousId ? ` (was ${item.previousId})` : '';
  return `${head}${moved}${fields.length ? `: ${fields.join('; ')}` : ''}`;
}

/** One list item per change, each with its citations. */
export function historyList(items: readonly HistoryItem[]): HTMLElement {
  return h(
    'ol',
    { class: 'history' },
    items.map((item) =>
      h('li', {}, changeText(item), h('span', { class: 'cite' }, item.sources.length ? `Source: ${item.sources.map(citation).join('; ')}` : 'No citation')),
    ),
  );
}

/** The entity's "History" section, or nothing when no curator has changed it. */
export function historySection(items: readonly HistoryItem[]): HTMLElement | null {
  if (!items.length) return null;
  return h(
    'section',
    { class: 'entity-history', 'aria-labelledby': 'history-heading' },
    h('h3', { id: 'history-heading' }, `History (${items.length})`),
    h('p', { class: 'hint' }, 'Changes curators made after the seeds, oldest first.'),
    historyList(items),
  );
}
