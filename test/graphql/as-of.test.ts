import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

/** The as-of pairs of the issue, on both sides of the day they change (the store contract covers Neo4j). */
describe('as of a date', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(seedDataset()));
  });
  afterAll(() => server.close());

  const tradeAgreement = async (day: string) => {
    const r = await server.post(`{ agreements(filter: { validAt: "${day}", relatedTo: ["mexico", "united-states"] }) { edges { node { id } } } }`);
    return (r.data as { agreements: { edges: Array<{ node: { id: string } }> } }).agreements.edges.map((e) => e.node.id);
  };
  const securityFramework = async (day: string) => {
    const r = await server.post(
      `{ entity(id: "us-congress") { id } policies(filter: { validAt: "${day}", addresses: "security", types: ["INITIATIVE", "FRAMEWORK"] }) { edges { node { id } } } }`,
    );
    const list = (r.data as { policies: { edges: Array<{ node: { id: string } }> } }).policies.edges.map((e) => e.node.id);
    return list.filter((id) => id === 'merida-initiative' || id === 'bicentennial-framework');
  };

  it.each([
    ['2019-06-01', ['nafta']],
    ['2020-06-30', ['nafta']],
    ['2020-07-01', ['usmca']],
    ['2021-01-01', ['usmca']],
  ])('the trade agreement in force on %s', async (day, expected) => {
    expect(await tradeAgreement(day)).toEqual(expected);
  });

  it.each([
    ['2008-01-01', ['merida-initiative']],
    ['2019-06-01', ['merida-initiative']],
    ['2021-09-30', ['merida-initiative']],
    ['2021-10-01', ['bicentennial-framework']],
    ['2022-03-01', ['bicentennial-framework']],
  ])('the security cooperation framework on %s', async (day, expected) => {
    expect(await securityFramework(day)).toEqual(expected);
  });

  it('finds no connection to an entity that did not exist yet, in either direction', async () => {
    const connect = async (from: string, to: string, day?: string) =>
      (await server.post(`{ connections(from: "${from}", to: "${to}"${day ? `, validAt: "${day}"` : ''}) { shortestLength paths { nodes { id } } } }`))
        .data as { connections: { shortestLength: number | null; paths: unknown[] } };
    // The USMCA entered into force on 2020-07-01: in 2019 nothing led to it, and the answer says so consistently.
    for (const [from, to] of [
      ['merida-initiative', 'usmca'],
      ['usmca', 'merida-initiative'],
    ]) {
      expect(await connect(from, to, '2019')).toEqual({ connections: { shortestLength: null, paths: [] } });
    }
    const now = await connect('merida-initiative', 'usmca');
    expect(now.connections.shortestLength).toBe(2);
    expect(now.connections.paths.length).toBeGreaterThan(0);
  });

  it('applies to the generic relationships field too', async () => {
    const r = await server.post('{ entity(id: "nafta") { relationships(types: [PARTY_TO], validAt: "2021-01-01") { node { id } } } }');
    expect(r).toMatchObject({ data: { entity: { relationships: [] } } });
  });
});
