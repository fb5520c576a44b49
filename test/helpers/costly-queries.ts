/**
 * The operations of issue F's cost report, shared by the limit tests and bench/cost: what the
 * estimate must refuse before it runs, and a large page it must accept.
 */

/** `relationships { node { … } }` nested `levels` times under one entity. */
function nestedRelationships(levels: number): string {
  return levels === 0 ? 'id name' : `relationships { type node { id ${nestedRelationships(levels - 1)} } }`;
}

/**
 * Nine aliases of `entity(id: "mexico")`, four levels of relationships each (about 1.6 kB, depth
 * 10): accepted by the old estimate, it took about 7 s of CPU and answered 18 MB.
 */
export const AMPLIFICATION_QUERY = `{ ${Array.from({ length: 9 }, (_, i) => `m${i}: entity(id: "mexico") { ${nestedRelationships(4)} }`).join(' ')} }`;

/** Thirty aliased fuzzy searches (0.8–1.7 s of CPU together before). */
export const THIRTY_SEARCHES_QUERY = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: search(query: "trade agreemnt ${i}", first: 10) { score entity { id name } }`).join(' ')} }`;

/**
 * A page of 100 entities with the nested fields the examples use (sources, relationships, typed
 * relationship fields, observations): refused by the old estimate (396,401 against 200,000).
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
