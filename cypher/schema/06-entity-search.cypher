// Full-text search over names, aliases (both languages) and descriptions. The
// standard-folding analyzer folds accents and case, so "Merida" finds "Mérida".
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliasText, n.description]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } }
