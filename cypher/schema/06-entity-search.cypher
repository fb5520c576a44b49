// Full-text search over names, aliases (both languages) and descriptions. The indexed
// properties hold words already folded (accents, case) and split by src/domain/search.ts, so
// the analyzer only splits on spaces and drops no stop words: "Merida" finds "Mérida", "and"
// is a word like any other, and candidates match the memory store's.
CREATE FULLTEXT INDEX entity_search_words IF NOT EXISTS
FOR (n:Entity) ON EACH [n.searchName, n.searchAliases, n.searchDescription]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }
