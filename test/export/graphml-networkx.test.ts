/**
 * The GraphML export as a NetworkX user reads it (`networkx.read_graphml`), when python3 with
 * networkx is on the machine (skipped, and named so, otherwise): typed data, connected sources,
 * observations a script can plot as a series.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toGraphml } from '../../src/export';
import { seedDataset } from '../helpers/dataset';
import { exportOf } from './graphs';

const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;

// What a notebook would do: read the file, count kinds, find lone sources, plot one metric.
const SCRIPT = `
import json, sys
import networkx as nx
G = nx.read_graphml(sys.argv[1])
kinds = {}
for _, d in G.nodes(data=True):
    kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
sources = [n for n, d in G.nodes(data=True) if d["kind"] == "Source"]
series = sorted(
    (d["periodStart"], d["value"], type(d["value"]).__name__)
    for _, d in G.nodes(data=True)
    if d["kind"] == "Observation" and d["metricId"] == "southwest-border-apprehensions" and "periodStart" in d and "dimensions" not in d
)
metric_of = {G.nodes[a]["metricId"] == b for a, b, d in G.edges(data=True) if d["type"] == "OBSERVATION_OF"}
print(json.dumps({
    "directed": G.is_directed(),
    "kinds": kinds,
    "loneSources": [s for s in sources if G.degree(s) == 0],
    "series": series,
    "observationOfMatchesMetricId": sorted(metric_of),
    "yearType": type(G.nodes["deck-2022"].get("year")).__name__,
}))
`;

(hasNetworkx ? describe : describe.skip)('GraphML export read by NetworkX (python3 with networkx)', () => {
  const dataset = seedDataset();
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-graphml-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads typed data, connected sources and a plottable series of observations', async () => {
    const file = join(dir, 'graph.graphml');
    writeFileSync(file, toGraphml(await exportOf(dataset)));
    const run = spawnSync('python3', ['-c', SCRIPT, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const read = JSON.parse(run.stdout) as {
      directed: boolean;
      kinds: Record<string, number>;
      loneSources: string[];
      series: Array<[string, number, string]>;
      observationOfMatchesMetricId: boolean[];
      yearType: string;
    };
    expect(read.directed).toBe(true);
    expect(read.kinds.Observation).toBe(dataset.observations.length);
    expect(
      Object.entries(read.kinds)
        .filter(([k]) => k !== 'Observation')
        .reduce((sum, [, n]) => sum + n, 0),
    ).toBe(dataset.nodes.length);
    expect(read.loneSources).toEqual([]);
    expect(read.observationOfMatchesMetricId).toEqual([true]);
    expect(read.yearType).toBe('int');
    // The seeds' southwest border apprehensions, as NetworkX hands it to matplotlib: ISO days and floats.
    const expected = dataset.observations
      .filter((o) => o.metricId === 'southwest-border-apprehensions' && o.periodStart !== null && Object.keys(o.dimensions).length === 0)
      .map((o) => [o.periodStart, o.value, 'float'])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(read.series).toEqual(expected);
  });
});
