import { parse } from 'csv-parse/sync';
import { toCsv } from '../../src/export';
import { seedDataset } from '../helpers/dataset';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { TRICKY_DESCRIPTION, TRICKY_NAME, exportOf, trickyDataset } from './graphs';

type Row = Record<string, string>;

/** Parses as a spreadsheet would: BOM stripped, header row as column names, RFC 4180 quoting. */
function rows(csv: string): Row[] {
  return parse(csv, { bom: true, columns: true, relax_column_count: false }) as Row[];
}

const NODE_HEADER =
  'id,kind,type,name,aliases,description,date,dateStart,dateEnd,established,establishedStart,establishedEnd,launched,launchedStart,launchedEnd,signed,signedStart,signedEnd,inForce,inForceStart,inForceEnd,ended,endedStart,endedEnd,dateQualifiers,unit,publisher,year,sources,datasetVersion';
const EDGE_HEADER = 'id,source,target,type,validFrom,validFromStart,validFromEnd,validTo,validToStart,validToEnd,note,sources,datasetVersion';

/** A full ISO calendar date that exists (what spreadsheets and pandas read as a date). */
const isIsoDay = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** Every `<column>Start`/`<column>End` pair of a table beside the partial date column it bounds. */
function boundedColumns(table: Row[]): Array<{ column: string; start: string; end: string }> {
  const columns = Object.keys(table[0]);
  return columns
    .filter((c) => columns.includes(`${c}Start`) && columns.includes(`${c}End`))
    .map((column) => ({ column, start: `${column}Start`, end: `${column}End` }));
}

describe('CSV export', () => {
  describe('of the whole seeded graph', () => {
    const dataset = seedDataset();
    let nodes: string;
    let edges: string;
    let observations: string;
    beforeAll(async () => {
      const graph = await exportOf(dataset);
      [nodes, edges, observations] = [toCsv(graph, 'nodes'), toCsv(graph, 'edges'), toCsv(graph, 'observations')];
    });

    it('starts with a UTF-8 byte-order mark and a header row, and ends lines with CRLF', () => {
      expect(nodes.startsWith(`\uFEFF${NODE_HEADER}\r\n`)).toBe(true);
      expect(edges.startsWith(`\uFEFF${EDGE_HEADER}\r\n`)).toBe(true);
      expect(
        observations.startsWith(
          '\uFEFFid,metricId,value,unit,period,periodStart,periodEnd,periodKind,reportedIn,dimensions,qualifier,note,sources,datasetVersion\r\n',
        ),
      ).toBe(true);
    });

    it('has one row per entity, relationship and observation, each stamped with the dataset version', () => {
      const [n, e, o] = [rows(nodes), rows(edges), rows(observations)];
      expect(n).toHaveLength(dataset.nodes.length);
      expect(e).toHaveLength(dataset.relationships.length);
      expect(o).toHaveLength(dataset.observations.length);
      expect(new Set(n.map((r) => r.id))).toEqual(new Set(dataset.nodes.map((x) => x.id)));
      expect(new Set(e.map((r) => r.id))).toEqual(new Set(dataset.relationships.map((x) => x.id)));
      for (const r of [...n, ...e, ...o]) expect(r.datasetVersion).toBe(dataset.version);
    });

    it('reads back an entity, an edge and an observation as the seeds state them', () => {
      const usmca = rows(nodes).find((r) => r.id === 'usmca')!;
      expect(usmca).toMatchObject({ kind: 'Agreement', type: 'TRADE', name: 'United States–Mexico–Canada Agreement', inForce: '2020-07-01', date: '' });
      expect(usmca.aliases.split(' | ')).toEqual(dataset.nodes.find((n) => n.id === 'usmca')!.aliases);

      const lead = rows(edges).find((r) => r.id === 'amlo:LEADS:mexico@2018-12-01')!;
      expect(lead).toEqual({
        id: 'amlo:LEADS:mexico@2018-12-01',
        source: 'amlo',
        target: 'mexico',
        type: 'LEADS',
        validFrom: '2018-12-01',
        validFromStart: '2018-12-01',
        validFromEnd: '2018-12-01',
        validTo: '',
        validToStart: '',
        validToEnd: '',
        note: 'President of Mexico',
        sources: 'ine-2018#43',
        datasetVersion: dataset.version,
      });

      const trade = rows(observations).find((r) => r.metricId === 'us-mexico-goods-trade' && r.period === '2021')!;
      expect(trade).toMatchObject({ value: '661.2', unit: 'USD_BILLION', periodStart: '2021-01-01', periodEnd: '2021-12-31' });
    });

    it('gives every partial date its first and last day as full ISO dates, in every table', () => {
      const seen = new Set<string>();
      for (const table of [rows(nodes), rows(edges), rows(observations)]) {
        for (const { column, start, end } of boundedColumns(table)) {
          for (const row of table) {
            // Both bounds exactly when the date is there; a spreadsheet sorts and filters them as dates.
            expect([row[column] === '', row[start] === '', row[end] === '']).toEqual([row[column] === '', row[column] === '', row[column] === '']);
            if (row[column] === '') continue;
            seen.add(`${column}:${row[column].length}`);
            expect([row[start], row[end]].every(isIsoDay)).toBe(true);
            expect(row[start] <= row[end]).toBe(true);
            if (column !== 'period') expect(row[start].startsWith(row[column]) && row[end].startsWith(row[column])).toBe(true);
          }
        }
      }
      // The seeds hold years, months and days: each kind of partial date was checked.
      expect(
        [...seen]
          .filter((s) => s.startsWith('established:') || s.startsWith('validFrom:'))
          .map((s) => s.split(':')[1])
          .sort(),
      ).toEqual(expect.arrayContaining(['10', '4', '7']));
      expect(boundedColumns(rows(nodes)).map((b) => b.column)).toEqual(['date', 'established', 'launched', 'signed', 'inForce', 'ended']);
      expect(boundedColumns(rows(edges)).map((b) => b.column)).toEqual(['validFrom', 'validTo']);
      expect(boundedColumns(rows(observations)).map((b) => b.column)).toEqual(['period']);
    });

    it('gives every edge ends that are rows of the nodes file', () => {
      const ids = new Set(rows(nodes).map((r) => r.id));
      for (const e of rows(edges)) {
        expect(ids.has(e.source)).toBe(true);
        expect(ids.has(e.target)).toBe(true);
      }
    });
  });

  it('quotes commas, quotes and line breaks (RFC 4180) so that they read back unchanged', async () => {
    const graph = await exportOf(trickyDataset);
    const csv = toCsv(graph, 'nodes');
    expect(csv).toContain('"Ampersand & <angle> ""quotes"", commas; and ünïcödé"');
    const tricky = rows(csv).find((r) => r.id === 'tricky')!;
    expect(tricky.name).toBe(TRICKY_NAME);
    expect(tricky.description).toBe(TRICKY_DESCRIPTION);
    expect(tricky.aliases).toBe('a, b | say "hi"');
    expect(tricky.sources).toBe('src#1 | src#2');
    expect(rows(toCsv(graph, 'edges')).find((r) => r.source === 'tricky')!.note).toBe('a note, with "quotes" & <tags>');
  });

  it('exports a neighbourhood: its entities and every edge among them', async () => {
    const graph = await exportOf(fixtureDataset, { kind: 'neighbourhood', id: 'old-deal', depth: 1 });
    expect(rows(toCsv(graph, 'nodes')).map((r) => r.id)).toEqual(['new-deal', 'old-deal', 'us']);
    expect(rows(toCsv(graph, 'edges')).map((r) => r.id)).toEqual([
      'new-deal:REPLACES:old-deal@2020-07-01',
      'us:PARTY_TO:new-deal@2020-07-01',
      'us:PARTY_TO:old-deal',
    ]);
  });

  it('bounds a year, a month and a day by their first and last days', async () => {
    const graph = await exportOf(fixtureDataset);
    const node = (id: string) => rows(toCsv(graph, 'nodes')).find((r) => r.id === id)!;
    expect(node('old-deal')).toMatchObject({
      signed: '1993',
      signedStart: '1993-01-01',
      signedEnd: '1993-12-31',
      ended: '2020-07-01',
      endedStart: '2020-07-01',
      endedEnd: '2020-07-01',
    });
    expect(node('talks')).toMatchObject({
      launched: '2021-10',
      launchedStart: '2021-10-01',
      launchedEnd: '2021-10-31',
      established: '',
      establishedStart: '',
      establishedEnd: '',
    });
    const edge = rows(toCsv(graph, 'edges')).find((r) => r.id === 'new-plan:REPLACES:old-plan@2021-10')!;
    expect(edge).toMatchObject({
      validFrom: '2021-10',
      validFromStart: '2021-10-01',
      validFromEnd: '2021-10-31',
      validTo: '',
      validToStart: '',
      validToEnd: '',
    });
  });

  it('writes observations with their dimensions as key=value', async () => {
    const obs = rows(toCsv(await exportOf(fixtureDataset), 'observations'));
    expect(obs.map((r) => [r.id, r.value, r.dimensions])).toEqual([
      ['crossings@2019', '10', ''],
      ['crossings@2019[state=texas]', '7', 'state=texas'],
      ['crossings@2020', '20', ''],
      ['crossings@FY2021', '30', ''],
    ]);
  });
});
