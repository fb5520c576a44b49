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
  SearchDescriptiveQuestion(d) {
    // Who: the affected U.S. energy companies; about what: the edge to AMLO's energy reform.
    expect(d.search[0]).toMatchObject({ target: 'ENTITY', entity: { id: 'us-energy-companies' } });
    const description = d.search[0].matches.find((m: Data) => m.field === 'DESCRIPTION');
    expect(description.highlights.map((h: Data) => description.snippet.slice(h.start, h.end))).toEqual(expect.arrayContaining(['very', 'upset']));
    const concern = d.search.find((r: Data) => r.target === 'RELATIONSHIP');
    expect(d.search.indexOf(concern)).toBeLessThan(3);
    expect(concern).toMatchObject({
      entity: { id: 'us-energy-companies' },
      relationship: {
        type: 'CONCERNED_ABOUT',
        from: 'us-energy-companies',
        to: 'amlo-energy-reform',
        node: { id: 'amlo-energy-reform', name: "AMLO's proposed energy reform" },
        note: 'Affected U.S. companies are very upset',
        sources: [{ slide: 53, source: { id: 'deck-2022' } }],
      },
      matches: [
        {
          field: 'NOTE',
          snippet: 'Affected U.S. companies are very upset',
          highlights: [
            { start: 28, end: 32 },
            { start: 33, end: 38 },
          ],
        },
      ],
    });
    for (let i = 1; i < d.search.length; i++) expect(d.search[i - 1].score).toBeGreaterThanOrEqual(d.search[i].score);
  },
  SearchRelationshipNote(d) {
    expect(d.search.every((r: Data) => r.target === 'RELATIONSHIP')).toBe(true);
    expect(d.search[0]).toEqual({
      target: 'RELATIONSHIP',
      matches: [
        {
          field: 'NOTE',
          snippet: 'Very high deaths, but under-reported',
          highlights: [
            { start: 10, end: 16 },
            { start: 22, end: 27 },
            { start: 28, end: 36 },
          ],
        },
      ],
      relationship: {
        id: 'covid-19:AFFECTS:mexico',
        type: 'AFFECTS',
        from: 'covid-19',
        to: 'mexico',
        node: { id: 'mexico' },
        note: 'Very high deaths, but under-reported',
        sources: [{ slide: 49, source: { id: 'deck-2022' } }],
      },
    });
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
        {
          date: '2021-06',
          precision: 'MONTH',
          role: 'HAPPENED',
          entity: { id: 'harris-visit-to-mexico-2021', kind: 'Event', name: "Vice President Harris's visit to Mexico (June 2021)" },
          replacedBy: null,
        },
        // The deck: agreed in October 2021 to replace Mérida; its end and its replacement, as for NAFTA.
        {
          date: '2021-10',
          precision: 'MONTH',
          role: 'ENDED',
          entity: { id: 'merida-initiative', kind: 'Policy', name: 'Mérida Initiative' },
          replacedBy: null,
        },
        {
          date: '2021-10',
          precision: 'MONTH',
          role: 'LAUNCHED',
          entity: { id: 'bicentennial-framework', kind: 'Policy', name: 'Bicentennial Framework for Security, Public Health and Safe Communities' },
          replacedBy: null,
        },
        {
          date: '2021-10',
          precision: 'MONTH',
          role: 'LAUNCHED',
          entity: { id: 'hlsd', kind: 'Dialogue', name: 'High-Level Security Dialogue' },
          replacedBy: null,
        },
        {
          date: '2021-10',
          precision: 'MONTH',
          role: 'REPLACED',
          entity: { id: 'merida-initiative', kind: 'Policy', name: 'Mérida Initiative' },
          replacedBy: { id: 'bicentennial-framework' },
        },
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
    expect(bicentennial).toMatchObject({
      id: 'bicentennial-framework',
      launched: '2021-10',
      establishedBy: [{ id: 'hlsd', name: 'High-Level Security Dialogue' }],
    });
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
      {
        id: 'us-mexico-border-length@reported-2022[measure=kilometres]',
        value: 3201,
        unit: 'KM',
        ...undated,
        dimensions: [{ key: 'measure', value: 'kilometres' }],
      },
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
    expect(ustr).toEqual({
      id: 'ustr-2018',
      title: 'Office of the United States Trade Representative (2018)',
      publisher: 'Office of the United States Trade Representative',
      year: 2018,
      slides: [36],
    });
    // The deck itself is cited on nearly every slide, not only on the title slide that credits it.
    const deck = nodes(d.sources).find((s: Data) => s.id === 'deck-2022');
    expect(deck.slides.length).toBeGreaterThanOrEqual(50);
    expect(deck.slides).toEqual(expect.arrayContaining([1, 7, 29, 36, 49, 53, 60]));
    expect([...deck.slides].sort((a: number, b: number) => a - b)).toEqual(deck.slides);
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
    expect(rels).toContainEqual(
      expect.objectContaining({ type: 'ESTABLISHED_BY', direction: 'IN', node: expect.objectContaining({ id: 'bicentennial-framework' }) }),
    );
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
    expect(reform.hops.map((h: Data) => [h.type, h.direction])).toEqual([
      ['PROPOSED_BY', 'IN'],
      ['MAY_VIOLATE', 'OUT'],
    ]);
    expect(reform.hops[1].sources).toContainEqual(expect.objectContaining({ slide: 53 }));
    for (let i = 1; i < c.paths.length; i++) expect(c.paths[i].length).toBeGreaterThanOrEqual(c.paths[i - 1].length);
    for (const p of c.paths) for (const h of p.hops) expect(h.sources.length).toBeGreaterThan(0);
  },
  UsmcaReplacesNaftaEvidence(d) {
    // The same evidence, read through one fragment on the interface, wherever the edge turns up.
    const evidence = { validFrom: '2020-07-01', validTo: null, note: null, sources: [{ slide: 36, source: { id: 'ustr-2018' } }] };
    expect(d.entity.relationships).toEqual([{ node: { id: 'nafta' }, ...evidence }]);
    expect(d.connections.paths).toEqual([{ hops: [{ type: 'REPLACES', direction: 'OUT', ...evidence }] }]);
    expect(d.neighbourhood.edges).toEqual([{ source: 'usmca', target: 'nafta', ...evidence }]);
  },
  MexicoToTheTradeAgreementIn2019(d) {
    expect(d.connections.shortestLength).toBe(1);
    expect(d.connections.paths[0]).toEqual({
      nodes: [{ id: 'mexico' }, { id: 'nafta' }],
      hops: [{ type: 'PARTY_TO', validFrom: null, validTo: '2020-06-30' }],
    });
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
  WhatDoesUstr2018Back(d) {
    const s = d.entity;
    expect([s.title, s.slides]).toEqual(['Office of the United States Trade Representative (2018)', [36]]);
    const items = nodes(s.backs);
    expect([s.backs.totalCount, items.length, s.backs.pageInfo.hasNextPage]).toEqual([33, 33, false]);
    const count = (kind: string) => items.filter((i: Data) => i.kind === kind).length;
    expect([count('ENTITY'), count('RELATIONSHIP'), count('OBSERVATION')]).toEqual([10, 23, 0]);
    for (const i of items) expect(i.slides).toEqual([36]);
    expect(items.filter((i: Data) => i.entity).map((i: Data) => i.entity.id)).toEqual(expect.arrayContaining(['usmca', 'nafta', 'usmca-signing', 'us-senate']));
    expect(items).toContainEqual({
      kind: 'RELATIONSHIP',
      id: 'usmca:REPLACES:nafta@2020-07-01',
      slides: [36],
      entity: null,
      relationship: { type: 'REPLACES', start: { id: 'usmca' }, end: { id: 'nafta' } },
      observation: null,
    });
    // entities first, then relationships, each by id
    const kinds = items.map((i: Data) => i.kind);
    expect(kinds).toEqual([...Array(10).fill('ENTITY'), ...Array(23).fill('RELATIONSHIP')]);
    const edgeIds = items.filter((i: Data) => i.relationship).map((i: Data) => i.id);
    expect(edgeIds).toEqual([...edgeIds].sort());
  },
  TradeStudyOnSlide9(d) {
    const s = d.entity;
    expect(s.slides).toEqual([9, 32, 35]);
    expect(s.everything.totalCount).toBe(69);
    expect(s.slide9.totalCount).toBe(5);
    expect(nodes(s.slide9).map((i: Data) => [i.kind, i.id])).toEqual([
      ['ENTITY', 'employment'],
      ['ENTITY', 'us-jobs-supported-by-mexico-trade'],
      ['RELATIONSHIP', 'us-jobs-supported-by-mexico-trade:MEASURES:employment'],
      ['RELATIONSHIP', 'us-jobs-supported-by-mexico-trade:MEASURES:trade'],
      ['OBSERVATION', 'us-jobs-supported-by-mexico-trade@2017'],
    ]);
    expect(nodes(s.slide9)[4].observation).toEqual({ value: 5, unit: 'MILLION', period: '2017', metric: { id: 'us-jobs-supported-by-mexico-trade' } });
  },
  EveryReplacement(d) {
    const r = d.relationships;
    expect([r.totalCount, r.pageInfo]).toEqual([3, { hasNextPage: false, hasPreviousPage: false }]);
    expect(nodes(r).map((e: Data) => [e.start.id, e.end.id, e.validFrom])).toEqual([
      ['bicentennial-framework', 'merida-initiative', '2021-10'],
      ['hugs-not-bullets', 'war-on-drugs', null],
      ['usmca', 'nafta', '2020-07-01'],
    ]);
    expect(nodes(r)[2].sources).toEqual([{ slide: 36, source: { id: 'ustr-2018' } }]);
    expect(nodes(r)[0].end.name).toBe('Mérida Initiative');
  },
  ConcernsFromTheEnd(d) {
    expect(d.latest.totalCount).toBe(36);
    expect(d.latest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false, startCursor: d.latest.edges[0].cursor });
    // the second page's `before` is the first page's startCursor
    expect(d.latest.pageInfo.startCursor).toBe('b2Zmc2V0OjMx');
    expect(ids(nodes(d.latest))).toEqual([
      'us-department-of-state:CONCERNED_ABOUT:human-rights',
      'us-department-of-state:CONCERNED_ABOUT:impunity',
      'us-department-of-state:CONCERNED_ABOUT:mexican-criminal-organizations',
      'us-department-of-state:CONCERNED_ABOUT:press-freedom',
      'us-energy-companies:CONCERNED_ABOUT:amlo-energy-reform',
    ]);
    expect(d.earlier.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(nodes(d.earlier)).toHaveLength(5);
    expect(nodes(d.earlier)[4]).toEqual({
      id: 'us-department-of-state:CONCERNED_ABOUT:corruption',
      start: { id: 'us-department-of-state' },
      end: { id: 'corruption' },
    });
    const all = [...ids(nodes(d.earlier)), ...ids(nodes(d.latest))];
    expect(all).toEqual([...all].sort());
  },
  NodesById(d) {
    expect(d.agreement).toEqual({ __typename: 'Agreement', id: 'usmca', name: 'United States–Mexico–Canada Agreement', inForce: '2020-07-01' });
    expect(d.edge).toEqual({
      __typename: 'Relationship',
      id: 'usmca:REPLACES:nafta@2020-07-01',
      type: 'REPLACES',
      validFrom: '2020-07-01',
      start: { id: 'usmca' },
      end: { id: 'nafta' },
    });
    expect(d.figure).toEqual({
      __typename: 'Observation',
      id: 'us-mexico-goods-trade@2021',
      value: 661.2,
      unit: 'USD_BILLION',
      metric: { id: 'us-mexico-goods-trade' },
    });
    expect(d.nothing).toBeNull();
  },
  HlsdTopicsPaged(d) {
    const c = d.entity.relationshipsConnection;
    expect([c.totalCount, c.pageInfo.hasNextPage]).toEqual([12, true]);
    expect(c.edges.map((e: Data) => e.node.node.id)).toEqual(['arms-trafficking', 'fentanyl', 'homicides', 'human-trafficking', 'illicit-finance']);
  },
  HlsdNeighbourhoodWeb(d) {
    const n = d.neighbourhood;
    expect(n.truncated).toBe(false);
    expect(n.leftOut).toEqual([]);
    expect(n.nodes).toHaveLength(21);
    expect(n.nodes[0]).toEqual({ id: 'hlsd', depth: 0 });
    const inGraph = new Set(n.nodes.map((x: Data) => x.id));
    for (const e of n.edges) expect(inGraph.has(e.source) && inGraph.has(e.target)).toBe(true);
    // The induced subgraph: the HLSD's own 20 edges and the 37 among its neighbours.
    const touching = n.edges.filter((e: Data) => e.source === 'hlsd' || e.target === 'hlsd');
    expect(touching).toHaveLength(20);
    expect(n.edges).toHaveLength(57);
    // Edges between two neighbours, which a star drawing would miss.
    expect(n.edges).toContainEqual({ id: 'organized-crime:BROADER:security', source: 'organized-crime', target: 'security', type: 'BROADER' });
    expect(n.edges).toContainEqual({
      id: 'us-mexico-cooperation-rebuilding-steps:PROPOSED_BY:mexico',
      source: 'us-mexico-cooperation-rebuilding-steps',
      target: 'mexico',
      type: 'PROPOSED_BY',
    });
  },
  SubtypesAroundTheHlsd(d) {
    expect(nodes(d.entities)).toEqual([
      { id: 'bicentennial-objectives-announcement', kind: 'Event', subtype: 'ANNOUNCEMENT' },
      { id: 'bicentennial-framework-action-plan', kind: 'Policy', subtype: 'PLAN' },
      { id: 'bicentennial-framework', kind: 'Policy', subtype: 'FRAMEWORK' },
      { id: 'mexico', kind: 'Actor', subtype: 'COUNTRY' },
      { id: 'us-mexico-cooperation-rebuilding-steps', kind: 'Policy', subtype: 'INITIATIVE' },
      { id: 'united-states', kind: 'Actor', subtype: 'COUNTRY' },
      { id: 'harris-visit-to-mexico-2021', kind: 'Event', subtype: 'VISIT' },
      { id: 'work-area-drug-and-illicit-trafficking', kind: 'Policy', subtype: 'GOAL' },
    ]);
  },
  HundredEntitiesWithTheirEdges(d) {
    const page = nodes(d.entities);
    expect(page).toHaveLength(100);
    expect(d.entities.totalCount).toBeGreaterThan(400);
    expect(d.entities.pageInfo.hasNextPage).toBe(true);
    const [first] = page;
    expect(first).toMatchObject({
      id: 'us-mexico-2017-drug-strategy',
      kind: 'Policy',
      subtype: 'STRATEGY',
      sources: [{ slide: 28, source: { id: 'deck-2022' } }],
    });
    expect(first.relationships.map((r: Data) => `${r.type}/${r.direction}/${r.node.id}`)).toEqual([
      'ADDRESSES/OUT/arms-trafficking',
      'ADDRESSES/OUT/illicit-drugs',
      'ADDRESSES/OUT/illicit-finance',
      'ADDRESSES/OUT/organized-crime',
      'ADDRESSES/OUT/public-health',
      'ADDRESSES/OUT/us-drug-demand',
      'AFFECTS/IN/amlo-security-cooperation-review',
      'PROPOSED_BY/OUT/mexico',
      'PROPOSED_BY/OUT/united-states',
    ]);
    for (const entity of page) for (const r of entity.relationships) expect(r.sources.length).toBeGreaterThan(0);
  },
};
