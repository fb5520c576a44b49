/**
 * The reference queries of the benchmarks, in our public schema's terms. The in-process, HTTP
 * and @neo4j/graphql comparisons all run these (the plain graphql-js schema implements the same
 * fields with the same answers; @neo4j/graphql runs its own equivalent of each).
 *
 * `kind` decides which goal applies: lists ≤ 1.15, deep nesting ≤ 1.5 (in-process).
 */
export interface ReferenceQuery {
  readonly id: string;
  readonly title: string;
  readonly kind: 'list' | 'nesting';
  readonly query: string;
  /** Variables; `$hub` is filled with the synthetic graph's hub topic (bench/synth). */
  readonly variables?: Readonly<Record<string, unknown>>;
}

export const REFERENCE_QUERIES: readonly ReferenceQuery[] = [
  {
    id: 'search',
    title: 'search "Merida" (10 hits)',
    kind: 'list',
    query: `query Search { search(query: "Merida", first: 10) { score entity { id kind name } } }`,
  },
  {
    id: 'fentanyl-dialogues',
    title: 'dialogues addressing fentanyl, with their topics',
    kind: 'list',
    query: `query FentanylDialogues {
  dialogues(filter: { addresses: ["fentanyl"] }, first: 20) {
    totalCount
    edges { node { id name type addresses { id name } } }
  }
}`,
  },
  {
    id: 'list-20x3',
    title: '20 actors × 3 relationship fields',
    kind: 'list',
    query: `query Actors20x3 {
  actors(first: 20) {
    edges { node { id name type memberOf { id name } partyTo { id name } addresses { id name } } }
  }
}`,
  },
  {
    id: 'depth-4',
    title: 'depth-4 nesting: dialogues → topics → addressed by → topics',
    kind: 'nesting',
    query: `query Depth4 {
  dialogues(first: 10) {
    edges { node { id name addresses { id name addressedBy { id name kind ... on Policy { addresses { id name } } } } } }
  }
}`,
  },
  {
    id: 'list-10k',
    title: 'a 10k-item list: everything addressing the synthetic hub topic',
    kind: 'list',
    query: `query List10k($hub: ID!) { entity(id: $hub) { id ... on Topic { addressedBy { id kind name } } } }`,
  },
];
