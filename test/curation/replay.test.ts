import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Change } from '../../src/domain';
import { Journal, MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';

// A journal written before a Metric had to come with its first observation still replays: its
// createEntity is taken as written and the observations follow in later records. A live change
// is held to the rule.
describe('replaying a journal across the first-observation rule', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-replay-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const meta = { sources: ['src#1'], actor: 'alice', at: '2024-05-01T12:00:00.000Z' };
  const metric: Change & { op: 'createEntity' } = { op: 'createEntity', entity: { id: 'trucks', kind: 'Metric', name: 'Trucks', unit: 'COUNT' }, ...meta };
  const figure: Change = { op: 'addObservation', observation: { metric: 'trucks', value: 4, period: '2021' }, ...meta };

  it('applies an older createEntity of a Metric and the observation after it', async () => {
    const path = join(dir, 'journal.jsonl');
    const journal = Journal.open(path);
    journal.append(metric);
    journal.append(figure);
    journal.close();
    const store = MemoryStore.open(fixtureDataset, { journalPath: path });
    const [[obs]] = await store.getObservations([{ metricId: 'trucks' }]);
    expect(obs).toMatchObject({ id: 'trucks@2021', value: 4 });
    await expect(store.applyChange({ ...metric, entity: { ...metric.entity, id: 'lorries' } } as Change)).rejects.toThrow(
      'metric lorries has no observations: a metric needs at least one (create it with its first observation)',
    );
    await store.close();
  });
});
