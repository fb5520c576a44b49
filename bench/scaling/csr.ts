/**
 * The scaling bench's baseline: the same synthetic graph in a minimal adjacency structure, a
 * compressed sparse row (CSR) over both directions — node i's neighbours are
 * `targets[offsets[i] .. offsets[i + 1])`, one entry per edge end, in two Int32Arrays — plus the
 * id ↔ index map any store answering by id needs. It answers the bench's 1-hop and 2-hop and
 * nothing else: no types, dates, notes, citations or other ends' nodes, so it costs what chasing
 * the adjacency itself costs on this machine at each size. Our store within 1.3× of it is the
 * goal; the memory chips' latency is in both.
 */
import type { SynthDataset } from '../synth/generate';

export interface Csr {
  /** Index → id. */
  readonly ids: readonly string[];
  /** Id → index. */
  readonly index: ReadonlyMap<string, number>;
  /** Length nodes + 1: node i's entries are offsets[i] .. offsets[i + 1]. */
  readonly offsets: Int32Array;
  /** The index of the other end, once per edge at each of its ends (BOTH directions). */
  readonly targets: Int32Array;
}

/** Builds the CSR of `dataset` (counting sort by node: two passes over the edges). */
export function buildCsr(dataset: Pick<SynthDataset, 'nodes' | 'relationships'>): Csr {
  const ids = dataset.nodes.map((n) => n.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(ids.length + 1);
  const ends = dataset.relationships.map((r) => [index.get(r.from)!, index.get(r.to)!] as const);
  for (const [from, to] of ends) {
    offsets[from + 1]++;
    offsets[to + 1]++;
  }
  for (let i = 0; i < ids.length; i++) offsets[i + 1] += offsets[i];
  const targets = new Int32Array(offsets[ids.length]);
  const fill = offsets.slice(0, ids.length);
  for (const [from, to] of ends) {
    targets[fill[from]++] = to;
    targets[fill[to]++] = from;
  }
  return { ids, index, offsets, targets };
}

/** The other end of every edge touching `id` (an edge's end per hit, as `getRelationships` BOTH gives). */
export function csrOneHop(csr: Csr, id: string): number[] {
  const i = csr.index.get(id);
  if (i === undefined) return [];
  const hits: number[] = [];
  for (let k = csr.offsets[i]; k < csr.offsets[i + 1]; k++) hits.push(csr.targets[k]);
  return hits;
}

/** 1-hop, then the hits of each distinct neighbour (one list per neighbour, as the store's batch answers). */
export function csrTwoHop(csr: Csr, id: string): number[][] {
  const neighbours = [...new Set(csrOneHop(csr, id))];
  return neighbours.map((n) => {
    const hits: number[] = [];
    for (let k = csr.offsets[n]; k < csr.offsets[n + 1]; k++) hits.push(csr.targets[k]);
    return hits;
  });
}
