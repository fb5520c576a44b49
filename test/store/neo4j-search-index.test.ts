import { EDGE_TYPES } from '../../src/domain';
import { loadStatements } from '../../src/store/neo4j';

describe('cypher/schema/06-search-relationships.cypher', () => {
  it('indexes the notes of every edge type of the ontology, and of no other type', () => {
    const text = loadStatements().get('schema/06-search-relationships')!;
    const types = /\(\)-\[r:([A-Z_|]+)\]-\(\)/.exec(text)?.[1].split('|');
    expect(types?.sort()).toEqual([...EDGE_TYPES].sort());
  });
});
