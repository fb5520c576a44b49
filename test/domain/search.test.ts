import { MemoryStore } from '../../src/store/memory';
import {
  NodeKind,
  SearchField,
  SearchTarget,
  matchTier,
  queryTerms,
  scoreCandidate,
  searchMatch,
  textWords,
  type Dataset,
  type GraphNode,
  type Relationship,
  type SearchHit,
} from '../../src/domain';
import { seedDataset } from '../helpers/dataset';
import { searchOracle } from '../helpers/search-oracle';

const cite = [{ sourceId: 'src', slide: 1 }];

function node(id: string, name: string, extra: Partial<GraphNode> = {}): GraphNode {
  return {
    id,
    kind: NodeKind.Topic,
    name,
    aliases: [],
    description: null,
    type: null,
    dates: {},
    unit: null,
    publisher: null,
    year: null,
    sources: cite,
    ...extra,
  };
}

function corpus(nodes: GraphNode[], relationships: Relationship[] = []): Pick<Dataset, 'nodes' | 'relationships' | 'observations'> {
  return { nodes, relationships, observations: [] };
}

const ids = (hits: SearchHit[]) => hits.map((h) => h.relationship?.id ?? h.node.id);

describe('search ranking (src/domain/search.ts)', () => {
  it('weighs a distinctive word above common ones: one rare word in a description beats two common words in a name', () => {
    const common = Array.from({ length: 20 }, (_, i) => node(`c${i}`, `Mexico share of item ${i}`, { description: 'Share of Mexico and the US in this.' }));
    const rare = node('rare', 'Money sent home', { description: 'Remittances that migrants send to families.' });
    const hits = searchOracle(corpus([...common, rare]), { text: 'US share of Mexico remittances', limit: 5 });
    expect(hits[0].node.id).toBe('rare');
  });

  it('never lets a typo outrank the exact word, whatever the fields', () => {
    // "tree" is one typo from "three": in a short name it must still lose to "three" deep in a long note.
    const long = 'A long note that says many things about many subjects and mentions the three leaders only once, near its end';
    const dataset = corpus(
      [node('tree', 'Tree planting', { aliases: ['tree'] }), node('a', 'Alpha'), node('b', 'Beta')],
      [{ id: 'a:AFFECTS:b', type: 'AFFECTS' as Relationship['type'], from: 'a', to: 'b', validFrom: null, validTo: null, note: long, sources: cite }],
    );
    expect(ids(searchOracle(dataset, { text: 'three', limit: 5 }))).toEqual(['a:AFFECTS:b', 'tree']);
    // And a prefix of a word never outranks the word itself.
    expect(
      ids(
        searchOracle(corpus([node('trademarks', 'Trademarks'), node('trade', 'Trade policy', { description: 'x '.repeat(40) })]), { text: 'trade', limit: 5 }),
      ),
    ).toEqual(['trade', 'trademarks']);
  });

  it('orders the tiers: exact, then prefix (three letters or more), then typo; none for short words', () => {
    expect([matchTier('trade', 'trade'), matchTier('trade', 'trademark'), matchTier('trade', 'trada'), matchTier('trade', 'boat')]).toEqual([3, 2, 1, 0]);
    expect([matchTier('us', 'usa'), matchTier('tre', 'tree'), matchTier('tre', 'tri')]).toEqual([0, 2, 0]);
  });

  it('rewards the query words as a phrase, the last one possibly a prefix', () => {
    const dataset = corpus([
      node('apart', 'Report A', { description: 'Crossings counted at the southern border each month' }),
      node('phrase', 'Report B', { description: 'Border crossings counted at the southern line each month' }),
    ]);
    expect(ids(searchOracle(dataset, { text: 'border crossings', limit: 5 }))).toEqual(['phrase', 'apart']);
    expect(ids(searchOracle(dataset, { text: 'border cross', limit: 5 }))).toEqual(['phrase', 'apart']);
  });

  it('boosts names and aliases above descriptions above notes', () => {
    const dataset = corpus(
      [node('named', 'Tariffs'), node('described', 'Trade measure', { description: 'Tariffs on steel' }), node('x', 'X'), node('y', 'Y')],
      [
        {
          id: 'x:AFFECTS:y',
          type: 'AFFECTS' as Relationship['type'],
          from: 'x',
          to: 'y',
          validFrom: null,
          validTo: null,
          note: 'Tariffs on steel',
          sources: cite,
        },
      ],
    );
    expect(ids(searchOracle(dataset, { text: 'tariffs', limit: 5 }))).toEqual(['named', 'described', 'x:AFFECTS:y']);
  });

  it('marks the matched words with offsets into the snippet, and cuts long texts around the first match', () => {
    const idf = new Map([['merida', 1]]);
    const scored = scoreCandidate('merida', { target: SearchTarget.ENTITY, node: node('m', 'Mérida Initiative', { aliases: ['Iniciativa Mérida'] }) }, idf)!;
    expect(scored.matches).toEqual([
      { field: SearchField.NAME, snippet: 'Mérida Initiative', highlights: [{ start: 0, end: 6 }] },
      { field: SearchField.ALIAS, snippet: 'Iniciativa Mérida', highlights: [{ start: 11, end: 17 }] },
    ]);
    const text = `${'word '.repeat(60)}the Mérida Initiative ended ${'more '.repeat(40)}`.trim();
    const at = text.indexOf('Mérida');
    const match = searchMatch(SearchField.DESCRIPTION, text, [{ start: at, end: at + 6 }]);
    expect(match.snippet.startsWith('…') && match.snippet.endsWith('…')).toBe(true);
    expect(match.snippet.length).toBeLessThanOrEqual(162);
    expect(match.highlights.map((h) => match.snippet.slice(h.start, h.end))).toEqual(['Mérida']);
    expect(textWords('T-MEC, Mérida')).toEqual([
      { word: 't', start: 0, end: 1 },
      { word: 'mec', start: 2, end: 5 },
      { word: 'merida', start: 7, end: 13 },
    ]);
  });
});

describe('search on the seeds (issue F)', () => {
  const store = new MemoryStore(seedDataset());
  const search = (text: string, extra: { targets?: SearchTarget[] } = {}) => store.search({ text, limit: 10, ...extra });

  it('"very upset" finds the note on the U.S. energy companies\' concern about the energy reform, as the relationship', async () => {
    const hits = await search('very upset');
    const rel = hits.find((h) => h.target === SearchTarget.RELATIONSHIP);
    expect(hits.indexOf(rel!)).toBeLessThan(2);
    expect(rel).toMatchObject({
      node: { id: 'us-energy-companies' },
      other: { id: 'amlo-energy-reform' },
      relationship: {
        type: 'CONCERNED_ABOUT',
        from: 'us-energy-companies',
        to: 'amlo-energy-reform',
        note: 'Affected U.S. companies are very upset',
        sources: [{ sourceId: 'deck-2022', slide: 53 }],
      },
      matches: [
        {
          field: SearchField.NOTE,
          snippet: 'Affected U.S. companies are very upset',
          highlights: [
            { start: 28, end: 32 },
            { start: 33, end: 38 },
          ],
        },
      ],
    });
  });

  it("three words of the energy reform's description rank it first", async () => {
    for (const text of ['strengthening PEMEX lessening', 'renewable climate electricity', 'independence oil gas']) {
      expect({ text, first: (await search(text))[0].node.id }).toEqual({ text, first: 'amlo-energy-reform' });
    }
  });

  it('"Three Amigos" is the North American Leaders\' Summit, not tree planting, even with a typo', async () => {
    for (const text of ['Three Amigos', 'Thre Amigos']) {
      const found = (await search(text)).map((h) => h.node.id);
      expect({ text, top: found.slice(0, 2) }).toEqual({ text, top: ['nals', 'nals-2021'] });
      expect(found).not.toContain('rural-tree-planting-subsidies');
    }
  });

  it('a distinctive word beats the common ones ("Mexico", "US", "share")', async () => {
    expect((await search('Mexico fentanyl'))[0].node.id).toBe('fentanyl');
    expect((await search('US share of Mexico remittances'))[0].node.id).toBe('remittances-to-mexico-share-from-us');
  });

  it('looks past a question\'s function words, but still finds a name made of one ("WHO")', async () => {
    const question = await search('Who is very upset about the energy plans?');
    expect(question.slice(0, 2).map((h) => [h.target, h.node.id])).toEqual([
      [SearchTarget.ENTITY, 'us-energy-companies'],
      [SearchTarget.RELATIONSHIP, 'us-energy-companies'],
    ]);
    expect(question.map((h) => h.node.id)).not.toContain('who');
    expect(queryTerms('Who is very upset about the energy plans?')).toEqual(['very', 'upset', 'energy', 'plans']);
    expect(queryTerms('¿Quién está en el T-MEC?')).toEqual(['esta', 't', 'mec']);
    expect((await search('WHO'))[0].node.id).toBe('who');
  });

  it('keeps the example answers: Merida, T-MEC, a typo', async () => {
    expect((await search('Merida'))[0].node.id).toBe('merida-initiative');
    expect((await search('T-MEC'))[0].node.id).toBe('usmca');
    expect((await search('Bicentenial framwork'))[0].node.id).toBe('bicentennial-framework');
  });

  it('gives the brute-force ranking over the whole seed graph', async () => {
    for (const text of ['very upset', 'energy reform', 'Three Amigos', 'fentanyl seizures border', 'remesas']) {
      expect({ text, hits: await store.search({ text, limit: 20 }) }).toEqual({ text, hits: searchOracle(seedDataset(), { text, limit: 20 }) });
    }
  });
});
