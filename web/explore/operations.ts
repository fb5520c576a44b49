// Every operation the explorer sends: ordinary GraphQL that anyone can paste into GraphiQL.
// `npm run build` generates their types (./gql) from schema/schema.graphql.
import { graphql } from './gql';

export const DatasetQuery = graphql(`
  query ExplorerDataset {
    dataset {
      version
    }
  }
`);

export const EntityNameQuery = graphql(`
  query ExplorerEntityName($id: ID!) {
    entity(id: $id) {
      id
      name
      kind
    }
  }
`);

export const SearchQuery = graphql(`
  query ExplorerSearch($query: String!, $first: Int!) {
    search(query: $query, first: $first) {
      target
      score
      matches {
        field
        snippet
        highlights {
          start
          end
        }
      }
      entity {
        id
        name
        kind
      }
      relationship {
        id
        type
        note
        start {
          name
        }
        end {
          name
        }
      }
      observation {
        id
        period
        value
        unitLabel
      }
    }
  }
`);

/** What the entity view shows of a record's history (history-view.ts). */
export const HistoryFragment = graphql(`
  fragment ExplorerHistory on HistoryEntry {
    op
    recordedBy
    recordedAt
    previousId
    fields {
      field
      before
      after
    }
    sources {
      slide
      source {
        name
      }
    }
  }
`);

export const EntityQuery = graphql(`
  query ExplorerEntity($id: ID!, $validAt: PartialDate) {
    entity(id: $id) {
      id
      name
      kind
      subtype
      aliases
      description
      ... on Actor {
        established
        ended
      }
      ... on Agreement {
        signed
        inForce
        ended
      }
      ... on Dialogue {
        established
        launched
        ended
      }
      ... on Event {
        date
      }
      ... on Policy {
        established
        launched
        ended
      }
      sources {
        slide
        source {
          name
        }
      }
      history {
        ...ExplorerHistory
      }
      relationships(validAt: $validAt) {
        id
        type
        direction
        note
        validFrom
        validTo
        node {
          id
          name
          kind
        }
        sources {
          slide
          source {
            name
          }
        }
      }
      ... on Metric {
        observations {
          id
          period
          periodKind
          value
          unitLabel
          qualifier
          reportedIn
          note
          dimensions {
            key
            value
          }
          sources {
            slide
            source {
              name
            }
          }
          history {
            ...ExplorerHistory
          }
        }
      }
    }
  }
`);

export const NeighbourhoodQuery = graphql(`
  query ExplorerNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $validAt: PartialDate, $kinds: [NodeKind!]) {
    neighbourhood(id: $id, depth: $depth, limit: $limit, validAt: $validAt, kinds: $kinds) {
      truncated
      nodes {
        id
        depth
        entity {
          name
          kind
        }
      }
      edges {
        id
        source
        target
        type
        note
        validFrom
        validTo
        sources {
          slide
          source {
            id
            name
          }
        }
      }
      leftOut {
        omittedEdges
        entity {
          id
          name
        }
      }
    }
  }
`);

export const ConnectionsQuery = graphql(`
  query ExplorerConnections($from: ID!, $to: ID!, $validAt: PartialDate) {
    connections(from: $from, to: $to, first: 5, validAt: $validAt) {
      shortestLength
      morePaths
      from {
        id
        name
      }
      to {
        id
        name
      }
      paths {
        length
        hubScore
        hops {
          relationshipId
          direction
          type
          note
          validFrom
          validTo
          from {
            id
            name
          }
          to {
            id
            name
          }
          sources {
            slide
            source {
              name
            }
          }
        }
      }
    }
  }
`);

export const TimelineQuery = graphql(`
  query ExplorerTimeline($actors: [ID!], $topics: [ID!], $kinds: [NodeKind!], $from: PartialDate, $to: PartialDate) {
    timeline(actors: $actors, topics: $topics, kinds: $kinds, from: $from, to: $to, first: 200) {
      totalCount
      truncated
      entries {
        date
        role
        entity {
          id
          name
          kind
          sources {
            slide
            source {
              name
            }
          }
        }
        replacedBy {
          id
          name
        }
      }
    }
  }
`);

export const CompareQuery = graphql(`
  query ExplorerCompare($id: ID!, $from: Period!, $to: Period!, $dimensions: [DimensionFilter!]) {
    entity(id: $id) {
      ... on Metric {
        compare(from: $from, to: $to, dimensions: $dimensions) {
          absoluteChange
          percentChange
          unit
          note
          from {
            period
            value
            unitLabel
          }
          to {
            period
            value
            unitLabel
          }
        }
      }
    }
  }
`);
