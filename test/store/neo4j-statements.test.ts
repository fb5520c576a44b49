import { STATEMENTS, loadStatements } from '../../src/store/neo4j';

describe('cypher/ and the statement names the Neo4j executor runs', () => {
  it('names every file of cypher/ in STATEMENTS, and nothing else (execute runs only these)', () => {
    expect([...loadStatements().keys()].sort()).toEqual([...STATEMENTS].sort());
  });

  it('creates the schema from cypher/schema/ in file order, waiting for the indexes last', () => {
    const schema = STATEMENTS.filter((name) => name.startsWith('schema/'));
    expect(schema).toEqual([...schema].sort());
    expect(schema[schema.length - 1]).toBe('schema/08-await-indexes');
  });
});
