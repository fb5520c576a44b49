/* What each operation in schema/examples.graphql must answer, from the briefing deck. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Data = any;

const ids = (list: Array<{ id: string }> | undefined): string[] => (list ?? []).map((x) => x.id);
const nodes = (conn: Data): Data[] => conn.edges.map((e: Data) => e.node);

export const EXPECTATIONS: Record<string, (data: Data) => void> = {
  DialoguesAddressingFentanyl(d) {
    expect(ids(nodes(d.dialogues))).toContain('hlsd');
    const hlsd = nodes(d.dialogues).find((n: Data) => n.id === 'hlsd');
    expect(ids(hlsd.addresses)).toContain('fentanyl');
    // fentanyl sits under illicit drugs, so the broader filter finds the HLSD too
    expect(ids(nodes(d.drugDialogues))).toContain('hlsd');
    expect(d.everythingOnFentanyl.totalCount).toBeGreaterThanOrEqual(d.dialogues.totalCount);
  },
  WhatReplacedNafta(d) {
    expect(d.entity.replacedBy).toEqual([
      expect.objectContaining({ id: 'usmca', signed: '2018-11-30', inForce: '2020-07-01', aliases: expect.arrayContaining(['USMCA', 'T-MEC', 'CUSMA']) }),
    ]);
    expect(d.entity.relationships).toEqual([expect.objectContaining({ validFrom: '2020-07-01', node: { id: 'usmca' } })]);
    expect(d.entity.relationships[0].sources).toContainEqual({ slide: 36, source: { title: 'Office of the United States Trade Representative (2018)' } });
  },
  GoodsTrade2021(d) {
    expect(d.entity.observations).toEqual([
      {
        value: 661.2,
        unit: 'USD_BILLION',
        unitLabel: 'billion U.S. dollars',
        period: '2021',
        sources: [{ slide: 7, source: { title: 'U.S. Census Bureau (2021)', publisher: 'U.S. Census Bureau', year: 2021 } }],
      },
    ]);
  },
  SouthwestBorderApprehensions(d) {
    const byPeriod = Object.fromEntries(d.entity.observations.map((o: Data) => [o.period, o]));
    expect(byPeriod.FY2020).toMatchObject({ value: 400651, unit: 'COUNT', periodKind: 'FISCAL_YEAR', periodStart: '2019-10-01', periodEnd: '2020-09-30' });
    expect(byPeriod.FY2021).toMatchObject({ value: 1660000, unit: 'COUNT' });
    expect(byPeriod['2021-10/2022-01']).toMatchObject({ value: 672838, periodKind: 'RANGE' });
    const periods = d.entity.observations.map((o: Data) => o.periodStart);
    expect([...periods].sort()).toEqual(periods);
    for (const o of d.entity.observations) expect(o.sources.length).toBeGreaterThan(0);
  },
  SearchMerida(d) {
    expect(d.search[0].entity).toMatchObject({ id: 'merida-initiative', name: 'Mérida Initiative', kind: 'Policy' });
  },
  SearchTMEC(d) {
    expect(d.search[0].entity.id).toBe('usmca');
  },
  SearchWithTypo(d) {
    expect(ids(d.search.map((r: Data) => r.entity))).toContain('bicentennial-framework');
  },
  UsmcaPartiesAndChronology(d) {
    expect(ids(d.entity.parties)).toEqual(['canada', 'mexico', 'united-states']);
    const dates = Object.fromEntries(d.entity.events.map((e: Data) => [e.id, e.date]));
    expect(dates).toMatchObject({ 'usmca-signing': '2018-11-30', 'usmca-revised-agreement': '2019-12-10', 'usmca-entry-into-force': '2020-07-01' });
    expect(d.entity.provisions.length).toBeGreaterThanOrEqual(5);
  },
  TimelineOfUsmca(d) {
    const usmca = { id: 'usmca', name: 'United States–Mexico–Canada Agreement' };
    const nafta = { id: 'nafta', name: 'North American Free Trade Agreement' };
    expect(d.timeline).toEqual({
      totalCount: 5,
      truncated: false,
      entries: [
        { date: '1993', precision: 'YEAR', role: 'SIGNED', entity: nafta, replacedBy: null },
        { date: '2018-11-30', precision: 'DAY', role: 'SIGNED', entity: usmca, replacedBy: null },
        { date: '2020-07-01', precision: 'DAY', role: 'IN_FORCE', entity: usmca, replacedBy: null },
        { date: '2020-07-01', precision: 'DAY', role: 'ENDED', entity: nafta, replacedBy: null },
        { date: '2020-07-01', precision: 'DAY', role: 'REPLACED', entity: nafta, replacedBy: usmca },
      ],
    });
  },
  Timeline2021SecurityCooperation(d) {
    expect(d.timeline).toEqual({
      totalCount: 5,
      truncated: false,
      entries: [
        { date: '2021-06', precision: 'MONTH', role: 'HAPPENED', entity: { id: 'harris-visit-to-mexico-2021', kind: 'Event', name: "Vice President Harris's visit to Mexico (June 2021)" }, replacedBy: null },
        // The deck: agreed in October 2021 to replace Mérida; its end and its replacement, as for NAFTA.
        { date: '2021-10', precision: 'MONTH', role: 'ENDED', entity: { id: 'merida-initiative', kind: 'Policy', name: 'Mérida Initiative' }, replacedBy: null },
        { date: '2021-10', precision: 'MONTH', role: 'LAUNCHED', entity: { id: 'bicentennial-framework', kind: 'Policy', name: 'Bicentennial Framework for Security, Public Health and Safe Communities' }, replacedBy: null },
        { date: '2021-10', precision: 'MONTH', role: 'LAUNCHED', entity: { id: 'hlsd', kind: 'Dialogue', name: 'High-Level Security Dialogue' }, replacedBy: null },
        { date: '2021-10', precision: 'MONTH', role: 'REPLACED', entity: { id: 'merida-initiative', kind: 'Policy', name: 'Mérida Initiative' }, replacedBy: { id: 'bicentennial-framework' } },
      ],
    });
  },
  TimelineAroundAmlo(d) {
    // eight entries from 2018 on; the last three (USMCA in force 2020-07-01, Mérida ended and replaced 2021-10) are cut by first: 5
    expect(d.timeline).toEqual({
      totalCount: 8,
      truncated: true,
      entries: [
        { date: '2018', role: 'HAPPENED', entity: { id: 'amlo-security-cooperation-review', kind: 'Event' } },
        { date: '2018', role: 'LAUNCHED', entity: { id: 'fourth-transformation', kind: 'Policy' } },
        { date: '2018-07', role: 'HAPPENED', entity: { id: 'mexico-2018-election', kind: 'Event' } },
        { date: '2018-11-30', role: 'SIGNED', entity: { id: 'usmca', kind: 'Agreement' } },
        { date: '2018-12-01', role: 'HAPPENED', entity: { id: 'amlo-inauguration', kind: 'Event' } },
      ],
    });
  },
  MeridaToBicentennial(d) {
    expect(d.entity.established).toBe('2007');
    // replaced in October 2021 (slide 29): its lifetime ends there
    expect(d.entity.ended).toBe('2021-10');
    const [bicentennial] = d.entity.replacedBy;
    expect(bicentennial).toMatchObject({ id: 'bicentennial-framework', launched: '2021-10', establishedBy: [{ id: 'hlsd', name: 'High-Level Security Dialogue' }] });
    expect(ids(bicentennial.addresses)).toEqual(expect.arrayContaining(['public-health', 'arms-trafficking']));
  },
  MeridaAppropriations(d) {
    expect(d.entity.observations).toEqual([
      { period: 'FY2019', value: 155, unit: 'USD_MILLION' },
      { period: 'FY2020', value: 150, unit: 'USD_MILLION' },
      { period: 'FY2021', value: 159, unit: 'USD_MILLION' },
    ]);
  },
  ApproximateCourtRuling(d) {
    expect(d.entity).toEqual({ id: 'energy-court-rulings-2021', date: '2021', approximateDates: [{ role: 'date', date: '2021', qualifier: 'EARLY' }] });
  },
  UndatedBorderLength(d) {
    // "the 1,990-mile border … 3,201 km": slide 1 gives no date, so no period; reported in the 2022 deck
    const undated = { period: null, periodKind: 'UNDATED', periodStart: null, periodEnd: null, reportedIn: 2022 };
    expect(d.entity.observations).toEqual([
      { id: 'us-mexico-border-length@reported-2022[measure=kilometres]', value: 3201, unit: 'KM', ...undated, dimensions: [{ key: 'measure', value: 'kilometres' }] },
      { id: 'us-mexico-border-length@reported-2022[measure=miles]', value: 1990, unit: 'MILE', ...undated, dimensions: [{ key: 'measure', value: 'miles' }] },
    ]);
    expect(d.entity.in2022).toEqual([]);
    expect(d.entity.undatedOnly.map((o: { id: string }) => o.id)).toEqual(d.entity.observations.map((o: { id: string }) => o.id));
  },
  ApprehensionsFiscalYearsOnly(d) {
    expect(d.entity.observations).toEqual([
      { period: 'FY2020', periodKind: 'FISCAL_YEAR', value: 400651, unit: 'COUNT' },
      { period: 'FY2021', periodKind: 'FISCAL_YEAR', value: 1660000, unit: 'COUNT' },
    ]);
  },
  ApprehensionsFY2020vsFY2021(d) {
    const c = d.entity.compare;
    expect(c.from).toMatchObject({ period: 'FY2020', value: 400651, unit: 'COUNT' });
    expect(c.to).toEqual({ period: 'FY2021', value: 1660000, unit: 'COUNT', sources: [{ slide: 20, source: { id: 'deck-2022' } }] });
    expect(c.from.sources).toContainEqual({ slide: 20, source: { id: 'deck-2022' } });
    expect(c).toMatchObject({ unit: 'COUNT', absoluteChange: 1259349, note: null });
    expect(c.percentChange).toBeCloseTo(314.33, 2);
  },
  MeridaAppropriationsFY2019vsFY2021(d) {
    const c = d.entity.compare;
    expect(c).toMatchObject({
      from: { period: 'FY2019', value: 155, unit: 'USD_MILLION' },
      to: { period: 'FY2021', value: 159, unit: 'USD_MILLION' },
      unit: 'USD_MILLION',
      absoluteChange: 4,
      note: null,
    });
    expect(c.percentChange).toBeCloseTo(2.58, 2);
  },
  StateTradeWithMexico2018(d) {
    const byState = Object.fromEntries(d.entity.observations.map((o: Data) => [o.dimensions[0].value, o.value]));
    expect(byState).toMatchObject({ texas: 174, california: 71.6, michigan: 61, illinois: 21.2, arizona: 15.7, 'new-york': 6.4 });
    expect(Object.keys(byState)).toHaveLength(16);
    const texas = d.entity.observations.find((o: Data) => o.dimensions[0].value === 'texas');
    expect(texas.dimensions[0]).toEqual({ key: 'state', value: 'texas', entity: { id: 'texas', name: 'Texas' } });
  },
  TexasTradeWithMexico(d) {
    expect(d.entity.observations).toEqual([{ period: '2018', value: 174, unit: 'USD_BILLION' }]);
  },
  IllicitDrugsTopic(d) {
    expect(ids(d.entity.narrower)).toEqual(expect.arrayContaining(['fentanyl', 'methamphetamine', 'opioids']));
    expect(ids(d.entity.addressedBy)).toEqual(expect.arrayContaining(['hlsd', 'merida-initiative']));
    for (const e of d.entity.addressedBy) expect(['Dialogue', 'Policy']).toContain(e.kind);
  },
  AmloAndTheUsmca(d) {
    expect(ids(d.entity.leads)).toContain('mexico');
    expect(ids(d.entity.memberOf)).toContain('morena');
    const reform = d.entity.proposed.find((p: Data) => p.id === 'amlo-energy-reform');
    expect(ids(reform.mayViolate)).toContain('usmca');
    expect(ids(reform.affects)).toEqual(expect.arrayContaining(['pemex', 'cfe']));
  },
  Election2018Results(d) {
    const byParty = Object.fromEntries(d.entity.observations.map((o: Data) => [o.dimensions[0].value, o.value]));
    expect(byParty).toEqual({ morena: 53, pan: 22, pri: 16 });
  },
  EventsOf2021(d) {
    const events = nodes(d.events);
    expect(ids(events)).toEqual(expect.arrayContaining(['nals-2021', 'mexico-2021-midterm-election', 'harris-visit-to-mexico-2021']));
    for (const e of events) expect(e.date.startsWith('2021')).toBe(true);
    expect(d.events.totalCount).toBe(events.length);
  },
  HledPillars(d) {
    expect(d.entity).toMatchObject({ established: '2013', launched: '2021-09' });
    expect(ids(d.entity.supports)).toContain('usmca');
    expect(d.entity.parts).toHaveLength(4);
  },
  NorthAmericanLeadersSummit(d) {
    expect(d.entity.type).toBe('TRILATERAL');
    expect(ids(d.entity.members)).toEqual(['canada', 'mexico', 'united-states']);
    const summit = d.entity.meetings.find((m: Data) => m.id === 'nals-2021');
    expect(summit.date).toBe('2021-11');
    expect(summit.outcomes).toHaveLength(5);
  },
  OverdoseDeaths(d) {
    expect(d.change.observations).toEqual([expect.objectContaining({ period: '2020/2021', value: 28, unit: 'PERCENT' })]);
    expect(ids(d.topic.measuredBy)).toContain('us-drug-overdose-deaths-change');
  },
  HomicidesInMexico(d) {
    expect(d.homicides.observations).toEqual([{ value: 33308, unit: 'COUNT', sources: [{ slide: 25 }] }]);
    expect(d.rate.unit).toBe('PER_100K');
    expect(d.rate.observations).toContainEqual({ period: '2021', value: 26 });
  },
  Remittances(d) {
    expect(d.entity.observations).toEqual(
      expect.arrayContaining([
        { period: '2021', periodKind: 'YEAR', value: 51.6, unit: 'USD_BILLION' },
        { period: '2022-01', periodKind: 'MONTH', value: 3.93, unit: 'USD_BILLION' },
      ]),
    );
  },
  CreditedPublications(d) {
    expect(d.sources.totalCount).toBeGreaterThanOrEqual(38);
    const ustr = nodes(d.sources).find((s: Data) => s.id === 'ustr-2018');
    expect(ustr).toEqual({ id: 'ustr-2018', title: 'Office of the United States Trade Representative (2018)', publisher: 'Office of the United States Trade Representative', year: 2018, slides: [36] });
  },
  ActorsFirstPage(d) {
    expect(d.actors.edges).toHaveLength(5);
    expect(d.actors.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: d.actors.edges[4].cursor });
    expect(d.actors.totalCount).toBeGreaterThan(5);
  },
  Countries(d) {
    expect(ids(nodes(d.actors))).toEqual(expect.arrayContaining(['canada', 'mexico', 'united-states']));
  },
  DatasetSize(d) {
    const total = d.dataset.nodes.reduce((sum: number, k: Data) => sum + k.count, 0);
    expect(total).toBeGreaterThanOrEqual(150);
    expect(d.dataset.relationships).toBeGreaterThanOrEqual(250);
    expect(d.dataset.observations).toBeGreaterThanOrEqual(120);
    expect(d.dataset.version).toMatch(/^[0-9a-f]{16}$/);
  },
  HlsdRelationships(d) {
    const rels = d.entity.relationships;
    expect(rels).toContainEqual(expect.objectContaining({ type: 'ADDRESSES', direction: 'OUT', node: { id: 'fentanyl', kind: 'Topic', name: 'Fentanyl' } }));
    expect(rels).toContainEqual(expect.objectContaining({ type: 'ESTABLISHED_BY', direction: 'IN', node: expect.objectContaining({ id: 'bicentennial-framework' }) }));
    for (const r of rels) expect(r.sources.length).toBeGreaterThan(0);
  },
  TradeAgreementAsOf(d) {
    const agreements = (list: Data[]) => list.filter((x) => x.kind === 'Agreement').map((x) => x.id);
    expect(agreements(d.mexico2019.partyTo)).toEqual(['nafta']);
    expect(agreements(d.mexico2021.partyTo)).toEqual(['usmca']);
    expect(ids(nodes(d.inForce2019))).toEqual(['nafta']);
    expect(ids(nodes(d.inForce2021))).toEqual(['usmca']);
  },
  SecurityFrameworkAsOf(d) {
    expect(ids(nodes(d.in2019))).toContain('merida-initiative');
    expect(ids(nodes(d.in2019))).not.toContain('bicentennial-framework');
    expect(ids(nodes(d.in2022))).toContain('bicentennial-framework');
    expect(ids(nodes(d.in2022))).not.toContain('merida-initiative');
    expect(ids(d.hlsdOutcomes2021.outcomes)).toContain('bicentennial-framework');
  },
  HowIsAmloConnectedToTheUsmca(d) {
    const c = d.connections;
    expect(c.shortestLength).toBe(1);
    const routes = c.paths.map((p: Data) => ids(p.nodes).join(' > '));
    expect(routes[0]).toBe('amlo > usmca');
    expect(routes).toContain('amlo > amlo-energy-reform > usmca');
    const reform = c.paths.find((p: Data) => p.nodes[1]?.id === 'amlo-energy-reform');
    expect(reform.hops.map((h: Data) => [h.type, h.direction])).toEqual([['PROPOSED_BY', 'IN'], ['MAY_VIOLATE', 'OUT']]);
    expect(reform.hops[1].sources).toContainEqual(expect.objectContaining({ slide: 53 }));
    for (let i = 1; i < c.paths.length; i++) expect(c.paths[i].length).toBeGreaterThanOrEqual(c.paths[i - 1].length);
    for (const p of c.paths) for (const h of p.hops) expect(h.sources.length).toBeGreaterThan(0);
  },
  MexicoToTheTradeAgreementIn2019(d) {
    expect(d.connections.shortestLength).toBe(1);
    expect(d.connections.paths[0]).toEqual({ nodes: [{ id: 'mexico' }, { id: 'nafta' }], hops: [{ type: 'PARTY_TO', validFrom: null, validTo: '2020-06-30' }] });
  },
  HlsdNeighbourhood(d) {
    const n = d.neighbourhood;
    expect(n.center.id).toBe('hlsd');
    expect(n.nodes).toHaveLength(25);
    expect(n.nodes[0]).toMatchObject({ id: 'hlsd', depth: 0 });
    const inGraph = new Set(n.nodes.map((x: Data) => x.id));
    for (const e of n.edges) expect(inGraph.has(e.source) && inGraph.has(e.target)).toBe(true);
    expect(ids(n.nodes)).toEqual(expect.arrayContaining(['fentanyl', 'bicentennial-framework']));
    expect(n.truncated).toBe(true);
    expect(n.leftOut.length).toBeGreaterThan(0);
    for (const l of n.leftOut) expect(l.omittedEdges).toBeGreaterThan(0);
  },
};
