// A metric's observations as a chart (Chart.js, loaded with the first chart): one bar per
// period as the source states it (fiscal years, months and ranges stay as such), one series
// per breakdown, the unit on the axis; the `compare` of two chosen periods; the data as CSV.
import { request } from './api';
import { citation, h, replace, status } from './dom';
import type { ExplorerEntityQuery } from './gql/graphql';
import { CompareQuery } from './operations';

type Entity = NonNullable<ExplorerEntityQuery['entity']>;
type Observation = Extract<Entity, { observations: unknown }>['observations'][number];

const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#999999', '#F0E442'];

/** How a period reads on the axis: as stated, or the year an undated figure was reported. */
const periodLabel = (o: Observation): string => o.period ?? `undated (reported ${o.reportedIn ?? '?'})`;
/** The breakdown of an observation: `state: texas`, or `total`. */
const seriesOf = (o: Observation): string => o.dimensions.map((d) => `${d.key}: ${d.value}`).join(', ') || 'total';

const csvCell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The observations as CSV, one line each, with their sources. */
export function observationsCsv(observations: readonly Observation[]): string {
  const head = ['period', 'periodKind', 'reportedIn', 'value', 'unit', 'qualifier', 'breakdown', 'note', 'sources'];
  const lines = observations.map((o) =>
    [o.period, o.periodKind, o.reportedIn, o.value, o.unitLabel, o.qualifier, seriesOf(o), o.note, o.sources.map(citation).join('; ')].map(csvCell).join(','),
  );
  return [head.join(','), ...lines].join('\n') + '\n';
}

function compareForm(metricId: string, observations: readonly Observation[]): HTMLElement {
  const dated = observations.filter((o) => o.period);
  const series = [...new Set(dated.map(seriesOf))];
  const periods = [...new Set(dated.map((o) => o.period as string))];
  const select = (id: string, options: string[], chosen: number): HTMLSelectElement =>
    h(
      'select',
      { id },
      options.map((value, i) => h('option', { value, selected: i === chosen }, value)),
    );
  const from = select('compare-from', periods, 0);
  const to = select('compare-to', periods, periods.length - 1);
  const breakdown = select('compare-series', series, 0);
  const answer = h('div', { class: 'compare-answer', 'aria-live': 'polite' });
  const run = async (): Promise<void> => {
    const dimensions = observations.find((o) => seriesOf(o) === breakdown.value)?.dimensions.map((d) => ({ key: d.key, value: d.value })) ?? [];
    replace(answer, status('Comparing…'));
    try {
      const { entity } = await request(CompareQuery, { id: metricId, from: from.value, to: to.value, dimensions: dimensions.length ? dimensions : null });
      const c = entity && 'compare' in entity ? entity.compare : null;
      if (!c) return replace(answer, status(`No observation of ${breakdown.value} for both ${from.value} and ${to.value}.`));
      const percent = c.percentChange === null || c.percentChange === undefined ? '' : ` (${c.percentChange > 0 ? '+' : ''}${c.percentChange.toFixed(2)}%)`;
      replace(
        answer,
        h(
          'p',
          { class: 'comparison' },
          `${c.from.period}: ${c.from.value} ${c.from.unitLabel} → ${c.to.period}: ${c.to.value} ${c.to.unitLabel}; change ${c.absoluteChange > 0 ? '+' : ''}${c.absoluteChange} ${c.to.unitLabel}${percent}`,
        ),
        c.note ? h('p', { class: 'note' }, c.note) : null,
      );
    } catch (error) {
      replace(answer, status(`The comparison failed: ${(error as Error).message}`, 'error'));
    }
  };
  if (periods.length < 2) return h('p', {}, 'Fewer than two dated periods: nothing to compare.');
  return h(
    'form',
    {
      class: 'compare',
      'aria-label': 'Compare two periods',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void run();
      },
    },
    h('label', { for: 'compare-from' }, 'Compare'),
    from,
    h('label', { for: 'compare-to' }, 'with'),
    to,
    series.length > 1 ? [h('label', { for: 'compare-series' }, 'for'), breakdown] : null,
    h('button', { type: 'submit' }, 'Compare'),
    answer,
  );
}

/** The chart, the comparison form and the CSV download for a metric's observations (null when it has none). */
export function metricChart(metricId: string, observations: readonly Observation[]): HTMLElement | null {
  if (observations.length === 0) return null;
  // One axis, one unit: the unit most observations use; the others stay in the table.
  const units = new Map<string, number>();
  for (const o of observations) units.set(o.unitLabel, (units.get(o.unitLabel) ?? 0) + 1);
  const unit = [...units].sort((a, b) => b[1] - a[1])[0][0];
  const charted = observations.filter((o) => o.unitLabel === unit);
  const labels = [...new Set(charted.map(periodLabel))];
  const series = [...new Set(charted.map(seriesOf))];
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': `Bar chart of ${charted.length} observations in ${unit} by period; the same data is in the table below.`,
  });
  const csvHref = URL.createObjectURL(new Blob([observationsCsv(observations)], { type: 'text/csv' }));
  const section = h(
    'section',
    { class: 'metric-chart', 'aria-labelledby': 'chart-heading' },
    h('h3', { id: 'chart-heading' }, 'Chart'),
    units.size > 1 ? h('p', {}, `Charted in ${unit}; observations in other units are in the table.`) : null,
    h('div', { class: 'chart-box' }, canvas),
    h('p', {}, h('a', { href: csvHref, download: `${metricId}.csv`, class: 'csv' }, 'Download the data as CSV')),
    compareForm(metricId, observations),
  );
  void import('chart.js').then(({ Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip }) => {
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((name, i) => ({
          label: name,
          backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
          data: labels.map((label) => charted.find((o) => periodLabel(o) === label && seriesOf(o) === name)?.value ?? null),
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        font: { family: 'system-ui, sans-serif' },
        scales: { x: { title: { display: true, text: 'period (as the source states it)' } }, y: { beginAtZero: true, title: { display: true, text: unit } } },
        plugins: { legend: { display: series.length > 1 } },
      },
    });
  });
  return section;
}
