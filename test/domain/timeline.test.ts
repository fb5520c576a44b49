import { DateRole, NodeKind } from '../../src/domain/kinds';
import type { GraphNode } from '../../src/domain/model';
import { TimelineRole, buildTimeline, compareTimelineEntries, timelineEntries, type Replacement } from '../../src/domain/timeline';

function node(id: string, kind: NodeKind, name: string, dates: Partial<Record<DateRole, string>> = {}): GraphNode {
  return { id, kind, name, aliases: [], description: null, type: null, dates, unit: null, publisher: null, year: null, sources: [] };
}

const nafta = node('nafta', NodeKind.Agreement, 'NAFTA', { signed: '1993', ended: '2020-07-01' });
const usmca = node('usmca', NodeKind.Agreement, 'USMCA', { signed: '2018-11-30', inForce: '2020-07-01' });
const merida = node('merida', NodeKind.Policy, 'Mérida Initiative', { established: '2007' });
const bicentennial = node('bicentennial', NodeKind.Policy, 'Bicentennial Framework', { launched: '2021-10' });
const hlsd = node('hlsd', NodeKind.Dialogue, 'High-Level Security Dialogue', { launched: '2021-10' });
const visit = node('visit', NodeKind.Event, 'Harris visit', { date: '2021-06' });
const mexico = node('mexico', NodeKind.Actor, 'Mexico', { established: '1821' });

const replacements = new Map<string, Replacement[]>([
  ['nafta', [{ by: usmca, validFrom: '2020-07-01' }]],
  ['merida', [{ by: bicentennial, validFrom: '2021-10' }]],
]);

const summary = (entries: ReturnType<typeof buildTimeline>) =>
  entries.map((e) => `${e.date.text} ${e.role} ${e.node.id}${e.replacedBy ? `>${e.replacedBy.id}` : ''}`);

describe('timelineEntries', () => {
  it('turns each kind of date into its role', () => {
    expect(timelineEntries(usmca).map((e) => [e.role, e.date.text, e.date.precision])).toEqual([
      [TimelineRole.SIGNED, '2018-11-30', 'DAY'],
      [TimelineRole.IN_FORCE, '2020-07-01', 'DAY'],
    ]);
    expect(timelineEntries(visit).map((e) => e.role)).toEqual([TimelineRole.HAPPENED]);
    expect(timelineEntries(merida).map((e) => e.role)).toEqual([TimelineRole.ESTABLISHED]);
  });

  it('adds REPLACED, dated by the REPLACES edge, with the replacement', () => {
    const [, replaced] = timelineEntries(merida, replacements.get('merida'));
    expect(replaced).toMatchObject({ role: TimelineRole.REPLACED, date: { text: '2021-10', precision: 'MONTH' }, replacedBy: bicentennial });
  });

  it('skips replacements without a date, and kinds a timeline does not hold', () => {
    expect(timelineEntries(merida, [{ by: bicentennial, validFrom: null }])).toHaveLength(1);
    expect(timelineEntries(mexico)).toEqual([]);
  });
});

describe('buildTimeline', () => {
  const all = [hlsd, bicentennial, merida, visit, usmca, nafta, mexico];

  it('orders by first day, then role, then name', () => {
    expect(summary(buildTimeline(all, replacements))).toEqual([
      '1993 SIGNED nafta',
      '2007 ESTABLISHED merida',
      '2018-11-30 SIGNED usmca',
      '2020-07-01 IN_FORCE usmca',
      '2020-07-01 ENDED nafta',
      '2020-07-01 REPLACED nafta>usmca',
      '2021-06 HAPPENED visit',
      '2021-10 LAUNCHED bicentennial',
      '2021-10 LAUNCHED hlsd',
      '2021-10 REPLACED merida>bicentennial',
    ]);
  });

  it('keeps the entries whose own date overlaps the range, not whole entities', () => {
    expect(summary(buildTimeline(all, replacements, '2021-01-01', '2021-12-31'))).toEqual([
      '2021-06 HAPPENED visit',
      '2021-10 LAUNCHED bicentennial',
      '2021-10 LAUNCHED hlsd',
      '2021-10 REPLACED merida>bicentennial',
    ]);
    // a year overlaps a range that starts inside it
    expect(summary(buildTimeline(all, replacements, '1993-06-01', '2007-01-01'))).toEqual(['1993 SIGNED nafta', '2007 ESTABLISHED merida']);
    expect(summary(buildTimeline(all, replacements, null, '2000-01-01'))).toEqual(['1993 SIGNED nafta']);
  });

  it('puts a year before a day that starts on the same first day only by role, then name', () => {
    const a = timelineEntries(node('a', NodeKind.Event, 'B', { date: '2020' }))[0];
    const b = timelineEntries(node('b', NodeKind.Event, 'A', { date: '2020-01-01' }))[0];
    expect([a, b].sort(compareTimelineEntries).map((e) => e.node.id)).toEqual(['b', 'a']);
  });
});
