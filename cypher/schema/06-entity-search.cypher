// Entity-only full-text index over names, aliases and descriptions (folded words). The store
// searches search_nodes and search_relationships (06-search-*.cypher); this one is kept for
// bench/neo4j-graphql, whose @fulltext type reads it, and can go when that bench moves over.
CREATE FULLTEXT INDEX entity_search_words IF NOT EXISTS
FOR (n:Entity) ON EACH [n.searchName, n.searchAliases, n.searchDescription]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }
