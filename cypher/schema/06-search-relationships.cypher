// Full-text search over relationship notes (folded words, as search_nodes). A relationship
// full-text index names its types: every edge type of src/domain/edge-types.ts, and no other
// (HAS_OBSERVATION links a metric to its observations and has no note). A unit test checks the
// list against the ontology.
CREATE FULLTEXT INDEX search_relationships IF NOT EXISTS
FOR ()-[r:ADDRESSES|PARTY_TO|PARTICIPATED_IN|REPLACES|ESTABLISHED_BY|PART_OF|LEADS|MEMBER_OF|AFFECTS|MAY_VIOLATE|MEASURES|LED_TO|BROADER|PROPOSED_BY|IMPLEMENTS|FUNDS|CONCERNED_ABOUT|SUPPORTS]-() ON EACH [r.searchNote]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }
