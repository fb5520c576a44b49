/**
 * The operations of issue F's cost report, shared by the limit tests and bench/cost: what the
 * estimate must refuse before it runs, and a large page it must accept.
 */

/** `relationships { node { … } }` nested `levels` times under one entity, ids at the bottom. */
function nestedRelationships(levels: number): string {
  return levels === 0 ? 'id' : `relationships { node { ${nestedRelationships(levels - 1)} } }`;
}

/**
 * Nine aliases of `entity(id: "mexico")`, four levels of relationships each (1.3 kB, depth 10):
 * the old estimate (10 items per list without `first`) priced it at 199,998, under the 200,000
 * allowed, and it took about 7 s of CPU for an answer of many megabytes.
 */
export const AMPLIFICATION_QUERY = `{ ${Array.from({ length: 9 }, (_, i) => `m${i}: entity(id: "mexico") { ${nestedRelationships(4)} }`).join(' ')} }`;

/** Thirty aliased fuzzy searches (0.8–1.7 s of CPU together before). */
export const THIRTY_SEARCHES_QUERY = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: search(query: "trade agreemnt ${i}", first: 10) { score entity { id name } }`).join(' ')} }`;

/**
 * A page of 100 entities with the nested fields the examples use (sources, relationships, typed
 * relationship fields, observations): refused by the old estimate (792,501 against 200,000).
 */
export const HUNDRED_ENTITIES_QUERY = `{
  entities(first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id kind name subtype aliases description
        sources { slide source { id title } }
        relationships { type direction validFrom validTo note node { id kind name } sources { slide source { id } } }
        ... on Actor { memberOf { id } partyTo { id kind } }
        ... on Agreement { signed inForce parties { id name } events { id name date type } provisions { id name } }
        ... on Policy { established replacedBy { id name } addresses { id } }
        ... on Dialogue { established launched members { id } parts { id name } }
        ... on Metric { unit observations { period value unit sources { slide source { id } } } }
        ... on Topic { broader { id } narrower { id name } }
        ... on Event { date }
      }
    }
  }
}`;
