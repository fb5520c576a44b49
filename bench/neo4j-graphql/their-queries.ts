import type { Dataset } from '../../src/domain';
import { luceneQuery } from '../../src/store/neo4j/lucene';
import { REFERENCE_QUERIES, type ReferenceQuery } from '../queries';

/**
 * Each reference query (bench/queries.ts) in @neo4j/graphql v7's dialect over our graph
 * (type-defs.graphql), with the projection that turns either side's answer into the same plain
 * shape (connections unwrapped to lists), so the two can be compared before anything is timed.
 *
 * Nested lists are sorted on their side by `sortKey` then `id`, the order our API guarantees for
 * every relationship field (src/domain/order.ts); without it their order is whatever the
 * database yields, and the answers would not be the same.
 */
export interface TheirQuery {
  readonly ref: ReferenceQuery;
  /** The query in their dialect. */
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
  /** Markdown: how it differs from ours, if at all. */
  readonly difference: string;
  /** Our answer's `data` → the plain shape both are compared in. */
  ours(data: Data): unknown;
  /** Their answer's `data` → the same plain shape. */
  theirs(data: Data): unknown;
  /** Top-level item count of a plain shape: the cheap size check on every timed run. */
  size(plain: unknown): number;
  /** Compare as sets (order ignored) rather than as ordered lists. */
  readonly unordered?: boolean;
}

export type Data = Record<string, unknown>;

const BY_NAME = '[{ sortKey: ASC }, { id: ASC }]';

/** `{ edges: [{ node }] }` → `[node]` (with `totalCount` kept beside the list when asked for), recursively, into plain objects (graphql-js answers with null-prototype objects). */
export function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrap);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.edges)) {
    const nodes = (o.edges as Array<{ node: unknown }>).map((e) => unwrap(e.node));
    return 'totalCount' in o ? { totalCount: o.totalCount, nodes } : nodes;
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, unwrap(v)]));
}

function lengthOf(plain: unknown): number {
  if (Array.isArray(plain)) return plain.length;
  const o = plain as { nodes?: unknown[]; addressedBy?: unknown[] };
  return (o.nodes ?? o.addressedBy ?? []).length;
}

/** How many BROADER hops the deepest topic under `topicId` is (0 when none is narrower). */
export function narrowerDepth(dataset: Dataset, topicId: string): number {
  const narrower = new Map<string, string[]>();
  for (const r of dataset.relationships) {
    if (r.type !== 'BROADER') continue;
    const list = narrower.get(r.to) ?? [];
    list.push(r.from);
    narrower.set(r.to, list);
  }
  let depth = 0;
  let frontier = [topicId];
  const seen = new Set(frontier);
  while (true) {
    const next = frontier.flatMap((t) => narrower.get(t) ?? []).filter((t) => !seen.has(t));
    if (next.length === 0) return depth;
    next.forEach((t) => seen.add(t));
    frontier = next;
    depth++;
  }
}

/**
 * Their filter for "addresses `topicId` or a topic under it": BROADER*0.. has no equivalent in
 * their filter language (no variable-length paths), so it is unrolled to the fixed depth this
 * data needs: `id = t OR broader.some(id = t) OR broader.some(broader.some(id = t)) …`.
 */
function addressesFilter(topicId: string, depth: number): string {
  const alternatives: string[] = [];
  for (let d = 0; d <= depth; d++) {
    let f = `{ id: { eq: ${JSON.stringify(topicId)} } }`;
    for (let i = 0; i < d; i++) f = `{ broader: { some: ${f} } }`;
    alternatives.push(f);
  }
  const topic = alternatives.length === 1 ? alternatives[0] : `{ OR: [${alternatives.join(', ')}] }`;
  return `{ addresses: { some: ${topic} } }`;
}

function reference(id: string): ReferenceQuery {
  const ref = REFERENCE_QUERIES.find((q) => q.id === id);
  if (!ref) throw new Error(`bench/queries.ts: expected a reference query "${id}"`);
  return ref;
}

/** The reference queries in their dialect, for a dataset whose hub topic is `hub`. */
export function theirQueries(dataset: Dataset, hub: string): TheirQuery[] {
  const fentanylDepth = narrowerDepth(dataset, 'fentanyl');
  const phrase = luceneQuery('Merida');
  const ids = (list: unknown): string[] => (list as Array<{ id: string }>).map((n) => n.id);
  return [
    {
      ref: reference('search'),
      query: `query Search($phrase: String!) {
  fulltextEntities(phrase: $phrase, first: 10, sort: [{ score: DESC }]) { edges { score node { id kind name } } }
}`,
      variables: { phrase },
      difference:
        'Their `@fulltext` query runs on the same index (`entity_search_words`) with the same Lucene query our store builds from "Merida" ' +
        `(\`${phrase}\`), but ranks by Lucene's score and returns the first 10; ours fetches 100 candidates and ranks them with our own scorer ` +
        '(src/domain/search.ts: exact/prefix/typo weights, whole-name bonus). Compared: the set of entity ids (their order follows a different score).',
      ours: (d) => ids((d.search as Array<{ entity: unknown }>).map((h) => h.entity)).sort(),
      theirs: (d) => ids(unwrap(d.fulltextEntities)).sort(),
      size: lengthOf,
      unordered: true,
    },
    {
      ref: reference('fentanyl-dialogues'),
      query: `query FentanylDialogues {
  dialoguesConnection(first: 20, where: ${addressesFilter('fentanyl', fentanylDepth)}, sort: ${BY_NAME}) {
    totalCount
    edges { node { id name type addresses(sort: ${BY_NAME}) { id name } } }
  }
}`,
      variables: {},
      difference:
        `Ours also counts dialogues that address a topic under fentanyl (\`BROADER*0..\`, any depth); their filter language has no variable-length path, so it is unrolled to the depth this data has under fentanyl (${fentanylDepth}). ` +
        'Their connection query gives the same `totalCount` and first 20 by name. Our resolver also checks that `fentanyl` is a topic (one id lookup) before listing.',
      ours: (d) => unwrap(d.dialogues),
      theirs: (d) => unwrap(d.dialoguesConnection),
      size: lengthOf,
    },
    {
      ref: reference('list-20x3'),
      query: `query Actors20x3 {
  actors(limit: 20, sort: ${BY_NAME}) {
    id name type
    memberOf(sort: ${BY_NAME}) { id name }
    partyTo(sort: ${BY_NAME}) { id name }
    addresses(sort: ${BY_NAME}) { id name }
  }
}`,
      variables: {},
      difference: 'Same entities; their plain list (`limit`, no connection wrapper) since no total is asked for.',
      ours: (d) => unwrap(d.actors),
      theirs: (d) => unwrap(d.actors),
      size: lengthOf,
    },
    {
      ref: reference('depth-4'),
      query: `query Depth4 {
  dialogues(limit: 10, sort: ${BY_NAME}) {
    id name
    addresses(sort: ${BY_NAME}) {
      id name
      addressedBy(sort: ${BY_NAME}) { id name kind ... on Policy { addresses(sort: ${BY_NAME}) { id name } } }
    }
  }
}`,
      variables: {},
      difference: 'Same entities; their plain list.',
      ours: (d) => unwrap(d.dialogues),
      theirs: (d) => unwrap(d.dialogues),
      size: lengthOf,
    },
    {
      ref: reference('list-10k'),
      query: `query List10k($hub: ID!) {
  topics(where: { id: { eq: $hub } }) { id addressedBy(sort: ${BY_NAME}) { id kind name } }
}`,
      variables: { hub },
      difference:
        'Ours looks the id up among all entities (`entity(id:)`, then `... on Topic`); theirs asks the Topic list for that id (`topics(where: { id: { eq } })`), ' +
        "the natural form in their API (their interface query `entities` would try every implementation's label).",
      ours: (d) => unwrap(d.entity),
      theirs: (d) => unwrap((d.topics as unknown[])[0] ?? null),
      size: lengthOf,
    },
  ];
}
