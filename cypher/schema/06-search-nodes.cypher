// Full-text search over entity names, aliases (both languages) and descriptions, and over
// observation notes. The indexed properties hold words already folded (accents, case) and split
// by src/domain/search-words.ts, so the analyzer only splits on spaces and drops no stop words:
// "Merida" finds "Mérida", "and" is a word like any other, and the words match the memory store's.
CREATE FULLTEXT INDEX search_nodes IF NOT EXISTS
FOR (n:Entity|Observation) ON EACH [n.searchName, n.searchAliases, n.searchDescription, n.searchNote]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }
