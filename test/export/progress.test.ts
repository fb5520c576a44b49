import { NodeKind } from '../../src/domain';
import { BATCH_SIZE, collectGraph, type CollectStep } from '../../src/export';
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';

describe('collectGraph progress (what `npm run export` shows on large graphs)', () => {
  it('reports each step after every store call, rising to its total', async () => {
    const dataset = seedDataset();
    const heard: Array<[CollectStep, number, number]> = [];
    const graph = await collectGraph(new MemoryStore(dataset), { kind: 'graph' }, (step, done, total) => heard.push([step, done, total]));
    const nodes = dataset.nodes.length;
    const metrics = graph.nodes.filter((n) => n.kind === NodeKind.Metric).length;
    const of = (step: CollectStep) => heard.filter(([s]) => s === step).map(([, done, total]) => [done, total]);

    expect(of('nodes')).toEqual([[nodes, nodes]]);
    const edgeSteps = Array.from({ length: Math.ceil(nodes / BATCH_SIZE) }, (_, i) => [Math.min(nodes, (i + 1) * BATCH_SIZE), nodes]);
    expect(of('edges')).toEqual(edgeSteps);
    expect(metrics).toBeGreaterThan(0);
    expect(of('observations')).toEqual(Array.from({ length: Math.ceil(metrics / BATCH_SIZE) }, (_, i) => [Math.min(metrics, (i + 1) * BATCH_SIZE), metrics]));
    expect(heard.map(([step]) => step)).toEqual([
      ...of('nodes').map(() => 'nodes'),
      ...edgeSteps.map(() => 'edges'),
      ...of('observations').map(() => 'observations'),
    ]);
  });

  it('is optional: the same graph without a listener', async () => {
    const store = new MemoryStore(seedDataset());
    const heard: unknown[] = [];
    expect(await collectGraph(store, { kind: 'graph' })).toEqual(await collectGraph(store, { kind: 'graph' }, (...args) => heard.push(args)));
    expect(heard.length).toBeGreaterThan(0);
  });
});
