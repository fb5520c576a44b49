import { duplicateMessageOf } from '../../src/store/neo4j/constraint-error';

describe('Neo4j constraint messages', () => {
  it("become the domain's duplicate messages, without internal node ids", () => {
    expect(duplicateMessageOf("Node(123) already exists with label `Entity` and property `id` = 'nafta'")).toBe('duplicate id "nafta": already defined');
    expect(duplicateMessageOf("Node(7) already exists with label `Observation` and property `id` = 'm;y=2021'")).toBe(
      'duplicate observation m;y=2021: already defined',
    );
    expect(duplicateMessageOf("Node(9) already exists with label `Dataset` and property `id` = 'current'")).toBe(
      'duplicate dataset id "current": already defined',
    );
    expect(duplicateMessageOf('Node(42) something else entirely')).toBe('duplicate record: already defined');
  });
});
