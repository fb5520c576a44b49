import { createHash } from 'node:crypto';
import {
  ActorType,
  AgreementType,
  DialogueType,
  EDGE_TYPES,
  EdgeType,
  EventType,
  NodeKind,
  PolicyType,
  Qualifier,
  UNITS,
  type Citation,
  type Dataset,
  type DateRole,
  type GraphNode,
  type Observation,
  type Relationship,
  type Unit,
} from '../../src/domain';
import { PUBLISHERS as PUBLISHER_LIST, RARE_WORDS as RARE_LIST, WORDS as WORD_LIST } from './words';

/**
 * A deterministic synthetic graph in the seeds' ontology, for the scaling, round-trip and
 * comparison benchmarks.
 *
 * - Same (nodes, seed) → byte-identical JSON: a seeded PRNG (sfc32, below) drives every choice,
 *   and objects are built in one fixed order.
 * - Same ontology as the seeds: every kind in roughly the seeds' proportions, valid subtypes,
 *   dates only in the roles their kind takes, edge types only between the kinds
 *   src/domain/edge-types.ts allows, citations of synthetic Source nodes with slide numbers,
 *   observations on metrics in the metric's unit. test/bench/synth.test.ts runs the seed
 *   checker's own rules (validateSeeds) over a generated graph.
 * - Fixed fan-out: every entity has 3 or 4 outgoing edges and at most `MAX_IN_DEGREE` incoming
 *   ones, at any size, except the one hub topic (the "10k-item list"), which is ADDRESSED by
 *   exactly `hubSize(nodes)` entities. So 1-hop and 2-hop work is independent of size.
 * - Text comes from a fixed word list (words.ts), so the search vocabulary does not grow with
 *   the graph; each probe word in `searchTerms` names exactly `NODES_PER_SEARCH_TERM` nodes.
 *
 * Ids are `syn-<kind>-<n>`, so a synthetic graph never clashes with the seeds (mergeDatasets).
 * Generation avoids per-node closures and regular expressions: a million nodes take seconds.
 */

export interface SynthOptions {
  readonly nodes: number;
  /** Default 42. */
  readonly seed?: number;
}

export interface SynthProbes {
  /** ≥ 100 (fewer only in tiny graphs) existing entity ids spread over the graph, for id lookups and hops; none is the hub or next to it. */
  readonly lookupIds: readonly string[];
  /** A Topic ADDRESSED by exactly `hubAddressedBy` entities: the "10k-item list". */
  readonly hubTopicId: string;
  /** 10 000 from 20k nodes up; below that floor(nodes / 4) (see `hubSize`). */
  readonly hubAddressedBy: number;
  /** Words that each match exactly `NODES_PER_SEARCH_TERM` nodes, at any size. */
  readonly searchTerms: readonly string[];
  /**
   * Pairs 2–4 hops apart (3 where possible) counting every edge type except ADDRESSES, so a
   * connections query restricted to `CONNECTION_EDGE_TYPES` never walks through the hub (whose
   * 10k edges would make its cost depend on the graph's size); with ADDRESSES allowed they are
   * at most that far apart.
   */
  readonly connectionPairs: ReadonlyArray<readonly [string, string]>;
}

export interface SynthDataset extends Dataset {
  readonly probes: SynthProbes;
}

/** Incoming edges per entity are capped here (the hub topic excepted). */
export const MAX_IN_DEGREE = 24;
/** Outgoing edges per entity: 3 or 4 (sources have none; they are cited, not linked). */
export const MIN_OUT_DEGREE = 3;
export const MAX_OUT_DEGREE = 4;
export const NODES_PER_SEARCH_TERM = 5;
export const HUB_MAX_ADDRESSED_BY = 10_000;
export const MIN_NODES = 50;
/** Every edge type but ADDRESSES: the walk `connectionPairs` are measured on. */
export const CONNECTION_EDGE_TYPES: readonly EdgeType[] = EDGE_TYPES.filter((t) => t !== EdgeType.ADDRESSES);

const GENERATOR_VERSION = 'usmx-synth/1';
const LOOKUP_PROBES = 128;
const CONNECTION_PAIRS = 16;
const PAIR_DISTANCE = 3;

// ── PRNG ───────────────────────────────────────────────────────────────────────────────────

/** sfc32 seeded through splitmix32: small, fast, and the same on every platform. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const split = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uint32. */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** In [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}

// ── Layout ─────────────────────────────────────────────────────────────────────────────────

interface KindLayout {
  readonly kind: NodeKind;
  /** Share of all nodes, close to the seeds' (Actor 20%, Policy 24%, Topic 20%, Metric 22%, Source 9%, Event 4%, Agreement and Dialogue about 1%). */
  readonly share: number;
  readonly prefix: string;
}

// Actor…Event (the kinds that may ADDRESS a topic) are contiguous, so the hub's addressers are a range.
const LAYOUT: readonly KindLayout[] = [
  { kind: NodeKind.Source, share: 0.08, prefix: 'syn-source-' },
  { kind: NodeKind.Topic, share: 0.19, prefix: 'syn-topic-' },
  { kind: NodeKind.Actor, share: 0.21, prefix: 'syn-actor-' },
  { kind: NodeKind.Policy, share: 0.24, prefix: 'syn-policy-' },
  { kind: NodeKind.Agreement, share: 0.01, prefix: 'syn-agreement-' },
  { kind: NodeKind.Dialogue, share: 0.01, prefix: 'syn-dialogue-' },
  { kind: NodeKind.Event, share: 0.05, prefix: 'syn-event-' },
  { kind: NodeKind.Metric, share: 0.21, prefix: 'syn-metric-' },
];
const KIND_SLOT: ReadonlyMap<NodeKind, number> = new Map(LAYOUT.map((l, i) => [l.kind, i]));

/** One way an entity of a kind links out: the edge type, the kind at the other end, a weight. */
interface EdgeOption {
  readonly type: EdgeType;
  readonly to: NodeKind;
  readonly weight: number;
}

const { Actor, Policy, Agreement, Dialogue, Event, Topic, Metric } = NodeKind;
const E = EdgeType;
const OPTIONS: Readonly<Partial<Record<NodeKind, readonly EdgeOption[]>>> = {
  [Actor]: [
    { type: E.MEMBER_OF, to: Actor, weight: 3 },
    { type: E.PART_OF, to: Actor, weight: 1 },
    { type: E.PARTY_TO, to: Agreement, weight: 0.5 },
    { type: E.PARTY_TO, to: Dialogue, weight: 0.5 },
    { type: E.PARTICIPATED_IN, to: Event, weight: 2 },
    { type: E.ADDRESSES, to: Topic, weight: 2 },
    { type: E.CONCERNED_ABOUT, to: Policy, weight: 1 },
    { type: E.CONCERNED_ABOUT, to: Topic, weight: 0.5 },
    { type: E.LEADS, to: Policy, weight: 0.5 },
    { type: E.FUNDS, to: Policy, weight: 0.5 },
    { type: E.SUPPORTS, to: Policy, weight: 0.5 },
  ],
  [Policy]: [
    { type: E.ADDRESSES, to: Topic, weight: 3 },
    { type: E.PROPOSED_BY, to: Actor, weight: 2 },
    { type: E.IMPLEMENTS, to: Agreement, weight: 0.5 },
    { type: E.IMPLEMENTS, to: Policy, weight: 1 },
    { type: E.SUPPORTS, to: Topic, weight: 1 },
    { type: E.AFFECTS, to: Actor, weight: 1 },
    { type: E.REPLACES, to: Policy, weight: 0.3 },
    { type: E.PART_OF, to: Policy, weight: 1 },
    { type: E.LED_TO, to: Event, weight: 0.5 },
  ],
  [Agreement]: [
    { type: E.ADDRESSES, to: Topic, weight: 3 },
    { type: E.PROPOSED_BY, to: Actor, weight: 1 },
    { type: E.REPLACES, to: Agreement, weight: 0.3 },
    { type: E.AFFECTS, to: Actor, weight: 1 },
    { type: E.SUPPORTS, to: Topic, weight: 1 },
  ],
  [Dialogue]: [
    { type: E.ADDRESSES, to: Topic, weight: 3 },
    { type: E.PROPOSED_BY, to: Actor, weight: 1 },
    { type: E.IMPLEMENTS, to: Agreement, weight: 0.5 },
    { type: E.SUPPORTS, to: Policy, weight: 1 },
    { type: E.ESTABLISHED_BY, to: Actor, weight: 0.5 },
    { type: E.LED_TO, to: Policy, weight: 0.5 },
  ],
  [Event]: [
    { type: E.ADDRESSES, to: Topic, weight: 2 },
    { type: E.PART_OF, to: Dialogue, weight: 1 },
    { type: E.LED_TO, to: Policy, weight: 1 },
    { type: E.LED_TO, to: Event, weight: 0.5 },
    { type: E.AFFECTS, to: Actor, weight: 1 },
    { type: E.MAY_VIOLATE, to: Agreement, weight: 0.3 },
  ],
  [Topic]: [
    { type: E.BROADER, to: Topic, weight: 3 },
    { type: E.AFFECTS, to: Topic, weight: 1 },
    { type: E.AFFECTS, to: Actor, weight: 0.5 },
  ],
  [Metric]: [
    { type: E.MEASURES, to: Topic, weight: 3 },
    { type: E.MEASURES, to: Actor, weight: 1 },
    { type: E.MEASURES, to: Policy, weight: 0.5 },
  ],
};

/** Edge types that may carry a validity period (membership, party, leadership change over time). */
const DATED_TYPES: ReadonlySet<EdgeType> = new Set([E.PARTY_TO, E.MEMBER_OF, E.LEADS]);

// ── Text ───────────────────────────────────────────────────────────────────────────────────

// Module-local copies: a transpiled import is a property read through a getter on every use.
const WORDS: readonly string[] = WORD_LIST;
const RARE_WORDS: readonly string[] = RARE_LIST;
const PUBLISHERS: readonly string[] = PUBLISHER_LIST;
const TYPE_INDEX: ReadonlyMap<EdgeType, number> = new Map(EDGE_TYPES.map((t, i) => [t, i]));
const SOURCE = NodeKind.Source;

const CAPS: readonly string[] = WORDS.map(capitalize);
const ACTOR_SUFFIX: readonly string[] = [
  'Council',
  'Commission',
  'Agency',
  'Bureau',
  'Ministry',
  'Office',
  'Board',
  'Institute',
  'Alliance',
  'Network',
  'Coalition',
  'Association',
  'Federation',
  'Group',
  'Foundation',
];
const EVENT_SUFFIX: readonly string[] = ['Summit', 'Meeting', 'Visit', 'Election', 'Ruling', 'Review', 'Signing', 'Announcement', 'Hearing', 'Forum'];
const AGREEMENT_SUFFIX: readonly string[] = ['Agreement', 'Accord', 'Treaty', 'Protocol', 'Compact', 'Charter'];
const DIALOGUE_SUFFIX: readonly string[] = ['Dialogue', 'Talks', 'Mechanism', 'Forum', 'Roadmap'];
const METRIC_SUFFIX: readonly string[] = ['rate', 'volume', 'index', 'total', 'share', 'growth', 'average'];
const POLICY_SUFFIX: Readonly<Record<string, string>> = Object.fromEntries(Object.values(PolicyType).map((t) => [t, capitalize(t.toLowerCase())]));
const ACTOR_TYPES: readonly string[] = Object.values(ActorType);
const POLICY_TYPES: readonly string[] = Object.values(PolicyType);
const AGREEMENT_TYPES: readonly string[] = Object.values(AgreementType);
const DIALOGUE_TYPES: readonly string[] = Object.values(DialogueType);
const EVENT_TYPES: readonly string[] = Object.values(EventType);

function capitalize(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** How many entities ADDRESS the hub topic: 10 000 from 20k nodes up, a quarter of the nodes below. */
export function hubSize(nodes: number): number {
  return nodes >= 2 * HUB_MAX_ADDRESSED_BY ? HUB_MAX_ADDRESSED_BY : Math.floor(nodes / 4);
}

// ── Generation ─────────────────────────────────────────────────────────────────────────────

/** Generates the graph; see the file comment for what it guarantees. */
export function generateDataset(options: SynthOptions): SynthDataset {
  const n = options.nodes;
  const seed = options.seed ?? 42;
  if (!Number.isInteger(n) || n < MIN_NODES) throw new Error(`generateDataset: expected an integer number of nodes ≥ ${MIN_NODES}, received ${n}`);
  if (!Number.isInteger(seed)) throw new Error(`generateDataset: expected an integer seed, received ${seed}`);
  return new Generator(n, seed).run();
}

class Generator {
  private readonly rng: Rng;
  private readonly counts: number[];
  private readonly offsets: number[];
  private readonly ids: string[];
  /** Slot in LAYOUT of each node. */
  private readonly slotOf: Uint8Array;
  private readonly inDegree: Uint16Array;
  private readonly hubIndex: number;
  private readonly hubAddressedBy: number;
  private readonly isHubAddresser: Uint8Array;
  /** RARE_WORDS index + 1 of the probe word a node's name carries, 0 for none. */
  private readonly rareWordOf: Uint8Array;
  private readonly searchTerms: string[] = [];
  private readonly nodes: GraphNode[] = [];
  private readonly relationships: Relationship[] = [];
  private readonly observations: Observation[] = [];
  // Edges as indices, for the connection-pair search.
  private edgeFrom: Int32Array;
  private edgeTo: Int32Array;
  private edgeType: Uint8Array;
  private edgeCount = 0;

  constructor(
    private readonly n: number,
    private readonly seed: number,
  ) {
    this.rng = new Rng(seed);
    this.counts = LAYOUT.map((l) => (l.kind === Policy ? 0 : Math.max(1, Math.floor(n * l.share))));
    const policySlot = KIND_SLOT.get(Policy)!;
    this.counts[policySlot] = n - this.counts.reduce((a, b) => a + b, 0);
    this.offsets = [];
    let offset = 0;
    for (const c of this.counts) {
      this.offsets.push(offset);
      offset += c;
    }
    this.ids = new Array<string>(n);
    this.slotOf = new Uint8Array(n);
    LAYOUT.forEach((l, slot) => {
      for (let i = 0; i < this.counts[slot]; i++) {
        this.ids[this.offsets[slot] + i] = l.prefix + i;
        this.slotOf[this.offsets[slot] + i] = slot;
      }
    });
    this.inDegree = new Uint16Array(n);
    this.hubIndex = this.offsets[KIND_SLOT.get(Topic)!];
    this.hubAddressedBy = hubSize(n);
    this.isHubAddresser = new Uint8Array(n);
    const first = this.offsets[KIND_SLOT.get(Actor)!];
    const addressers = this.offsets[KIND_SLOT.get(Metric)!] - first;
    for (let i = 0; i < this.hubAddressedBy; i++) this.isHubAddresser[first + Math.floor((i * addressers) / this.hubAddressedBy)] = 1;
    this.rareWordOf = new Uint8Array(n);
    const capacity = n * MAX_OUT_DEGREE;
    this.edgeFrom = new Int32Array(capacity);
    this.edgeTo = new Int32Array(capacity);
    this.edgeType = new Uint8Array(capacity);
  }

  run(): SynthDataset {
    this.placeSearchTerms();
    for (let i = 0; i < this.n; i++) this.nodes.push(this.makeNode(i));
    for (let i = 0; i < this.n; i++) this.makeEdges(i);
    const metricSlot = KIND_SLOT.get(Metric)!;
    for (let i = 0; i < this.counts[metricSlot]; i++) this.makeObservations(this.offsets[metricSlot] + i);
    const version = createHash('sha256').update(`${GENERATOR_VERSION} nodes=${this.n} seed=${this.seed}`).digest('hex').slice(0, 16);
    return {
      nodes: this.nodes,
      relationships: this.relationships,
      observations: this.observations,
      version,
      probes: {
        lookupIds: this.lookupIds(),
        hubTopicId: this.ids[this.hubIndex],
        hubAddressedBy: this.hubAddressedBy,
        searchTerms: this.searchTerms,
        connectionPairs: this.connectionPairs(),
      },
    };
  }

  private isSource(i: number): boolean {
    return this.slotOf[i] === 0;
  }

  /** Each probe word goes into the names of NODES_PER_SEARCH_TERM distinct non-source nodes. */
  private placeSearchTerms(): void {
    const terms = Math.min(RARE_WORDS.length, Math.max(1, Math.floor(this.n / 40)));
    for (let t = 0; t < terms; t++) {
      let placed = 0;
      while (placed < NODES_PER_SEARCH_TERM) {
        const i = this.rng.int(this.n);
        if (this.isSource(i) || this.rareWordOf[i] !== 0) continue;
        this.rareWordOf[i] = t + 1;
        placed++;
      }
      this.searchTerms.push(RARE_WORDS[t]);
    }
  }

  private citation(): Citation {
    const sources = this.counts[0];
    return { sourceId: this.ids[this.rng.int(sources)], slide: 1 + this.rng.int(80) };
  }

  private citations(): Citation[] {
    const first = this.citation();
    if (!this.rng.chance(0.2) || this.counts[0] < 2) return [first];
    const second = this.citation();
    return second.sourceId === first.sourceId ? [first] : [first, second];
  }

  private year(from = 1990, span = 35): number {
    return from + this.rng.int(span);
  }

  /** A partial date in `year`: half to the year, some to the month, some to the day. */
  private dateIn(year: number): string {
    const r = this.rng.float();
    if (r < 0.5) return String(year);
    const month = pad2(1 + this.rng.int(12));
    if (r < 0.8) return `${year}-${month}`;
    return `${year}-${month}-${pad2(1 + this.rng.int(28))}`;
  }

  private words(count: number): string {
    let text = CAPS[this.rng.int(CAPS.length)];
    for (let k = 1; k < count; k++) text += ' ' + WORDS[this.rng.int(WORDS.length)];
    return text;
  }

  private capsWords(count: number): string {
    let text = CAPS[this.rng.int(CAPS.length)];
    for (let k = 1; k < count; k++) text += ' ' + CAPS[this.rng.int(CAPS.length)];
    return text;
  }

  private makeNode(i: number): GraphNode {
    const rng = this.rng;
    const slot = this.slotOf[i];
    const kind = LAYOUT[slot].kind;
    let name: string;
    let type: string | null = null;
    const dates: Partial<Record<DateRole, string>> = {};
    let unit: Unit | null = null;
    let publisher: string | null = null;
    let year: number | null = null;
    switch (kind) {
      case NodeKind.Source: {
        publisher = rng.pick(PUBLISHERS);
        year = this.year(2000, 24);
        name = `${publisher} (${year})`;
        break;
      }
      case NodeKind.Topic:
        name = i === this.hubIndex ? 'Border cooperation hub' : this.words(2);
        break;
      case NodeKind.Actor: {
        type = rng.pick(ACTOR_TYPES);
        name = `${this.capsWords(2)} ${rng.pick(ACTOR_SUFFIX)}`;
        if (rng.chance(0.3)) {
          const y = this.year();
          dates.established = this.dateIn(y);
          if (rng.chance(0.1)) dates.ended = String(Math.min(2025, y + 1 + rng.int(10)));
        }
        break;
      }
      case NodeKind.Policy: {
        type = rng.pick(POLICY_TYPES);
        name = `${this.capsWords(2)} ${POLICY_SUFFIX[type]}`;
        if (rng.chance(0.7)) {
          const y = this.year();
          if (rng.chance(0.5)) dates.established = this.dateIn(y);
          else dates.launched = this.dateIn(y);
          if (rng.chance(0.15)) dates.ended = String(Math.min(2025, y + 1 + rng.int(10)));
        }
        break;
      }
      case NodeKind.Agreement: {
        type = rng.pick(AGREEMENT_TYPES);
        name = `${this.capsWords(2)} ${rng.pick(AGREEMENT_SUFFIX)}`;
        const y = this.year();
        dates.signed = this.dateIn(y);
        if (rng.chance(0.8)) {
          const inForce = y + 1 + rng.int(2);
          dates.inForce = this.dateIn(inForce);
          if (rng.chance(0.1)) dates.ended = String(inForce + 1 + rng.int(10));
        }
        break;
      }
      case NodeKind.Dialogue: {
        type = rng.pick(DIALOGUE_TYPES);
        name = `${this.capsWords(2)} ${rng.pick(DIALOGUE_SUFFIX)}`;
        if (rng.chance(0.9)) {
          const y = this.year();
          if (rng.chance(0.5)) dates.established = this.dateIn(y);
          else dates.launched = this.dateIn(y);
          if (rng.chance(0.1)) dates.ended = String(Math.min(2025, y + 1 + rng.int(10)));
        }
        break;
      }
      case NodeKind.Event: {
        type = rng.pick(EVENT_TYPES);
        name = `${this.capsWords(2)} ${rng.pick(EVENT_SUFFIX)}`;
        dates.date = this.dateIn(this.year());
        break;
      }
      case NodeKind.Metric: {
        unit = rng.pick(UNITS);
        name = `${this.words(2)} ${rng.pick(METRIC_SUFFIX)}`;
        break;
      }
    }
    const rare = this.rareWordOf[i];
    if (rare !== 0) name = `${capitalize(RARE_WORDS[rare - 1])} ${name}`;
    const aliases: string[] = [];
    if (kind !== SOURCE) {
      const r = rng.float();
      if (r < 0.3) aliases.push(this.capsWords(2));
      if (r < 0.05) aliases.push(this.capsWords(3));
    }
    const description = kind !== SOURCE && rng.chance(0.6) ? `${this.words(6 + rng.int(7))}.` : null;
    const sources = kind === SOURCE ? [{ sourceId: this.ids[0], slide: 1 + rng.int(80) }] : this.citations();
    return { id: this.ids[i], kind, name, aliases, description, type, dates, unit, publisher, year, sources };
  }

  /** A random target of `kind` for an edge out of node `i`, or -1 after a few failed tries. */
  private target(i: number, option: EdgeOption, taken: number[]): number {
    const slot = KIND_SLOT.get(option.to)!;
    let lo = 0;
    let hi = this.counts[slot];
    // Edges between entities of one kind point to an earlier one: no cycles of REPLACES, BROADER, PART_OF …
    if (slot === this.slotOf[i]) hi = i - this.offsets[slot];
    // The hub topic is ADDRESSED only by its designated entities, and nothing else points at it.
    if (option.to === Topic) lo = 1;
    if (hi <= lo) return -1;
    for (let attempt = 0; attempt < 6; attempt++) {
      const t = this.offsets[slot] + lo + this.rng.int(hi - lo);
      if (t === i || this.inDegree[t] >= MAX_IN_DEGREE || taken.includes(t)) continue;
      return t;
    }
    return -1;
  }

  private makeEdges(i: number): void {
    const kind = LAYOUT[this.slotOf[i]].kind;
    const options = OPTIONS[kind];
    if (!options) return;
    let total = 0;
    for (const o of options) total += o.weight;
    const degree = MIN_OUT_DEGREE + this.rng.int(MAX_OUT_DEGREE - MIN_OUT_DEGREE + 1);
    const taken: number[] = [];
    if (this.isHubAddresser[i] === 1) {
      taken.push(this.hubIndex);
      this.addEdge(i, E.ADDRESSES, this.hubIndex);
    }
    for (let tries = 0; taken.length < degree && tries < degree * 4; tries++) {
      let r = this.rng.float() * total;
      let option = options[options.length - 1];
      for (const o of options) {
        r -= o.weight;
        if (r < 0) {
          option = o;
          break;
        }
      }
      const t = this.target(i, option, taken);
      if (t < 0) continue;
      taken.push(t);
      this.inDegree[t]++;
      this.addEdge(i, option.type, t);
    }
  }

  private addEdge(from: number, type: EdgeType, to: number): void {
    const rng = this.rng;
    let validFrom: string | null = null;
    let validTo: string | null = null;
    if (type === E.REPLACES) {
      validFrom = String(this.year(1995, 30));
    } else if (DATED_TYPES.has(type) && rng.chance(0.2)) {
      const y = this.year(1995, 28);
      validFrom = String(y);
      if (rng.chance(0.3)) validTo = String(y + 1 + rng.int(8));
    }
    const note = rng.chance(0.1) ? `${this.words(4 + rng.int(5))}.` : null;
    const fromId = this.ids[from];
    const toId = this.ids[to];
    this.relationships.push({
      id: validFrom ? `${fromId}:${type}:${toId}@${validFrom}` : `${fromId}:${type}:${toId}`,
      type,
      from: fromId,
      to: toId,
      validFrom,
      validTo,
      note,
      sources: [this.citation()],
    });
    const k = this.edgeCount++;
    this.edgeFrom[k] = from;
    this.edgeTo[k] = to;
    this.edgeType[k] = TYPE_INDEX.get(type)!;
  }

  /** Half the metrics have a yearly series of 2–4 values; a tenth of those are per country. */
  private makeObservations(i: number): void {
    const rng = this.rng;
    const metric = this.nodes[i];
    if (!rng.chance(0.5)) {
      // Every metric has an observation (the seed checker's rule): the others get one, made
      // without drawing from the generator, so the rest of the graph is what it was.
      const period = String(2000 + (i % 21));
      this.observations.push({
        id: `${metric.id}@${period}`,
        metricId: metric.id,
        value: i % 1000,
        unit: metric.unit!,
        period,
        periodStart: `${period}-01-01`,
        periodEnd: `${period}-12-31`,
        dimensions: {},
        qualifier: null,
        note: null,
        sources: [{ sourceId: this.ids[this.offsets[0] + (i % this.counts[0])], slide: 1 + (i % 80) }],
      });
      return;
    }
    const length = 2 + rng.int(3);
    const start = 2000 + rng.int(21);
    const actorSlot = KIND_SLOT.get(Actor)!;
    const dimensions: Record<string, string> = rng.chance(0.1) ? { country: this.ids[this.offsets[actorSlot] + rng.int(this.counts[actorSlot])] } : {};
    const dims = dimensions.country ? `[country=${dimensions.country}]` : '';
    const qualifier = rng.chance(0.1) ? Qualifier.ESTIMATE : null;
    for (let k = 0; k < length; k++) {
      const period = String(start + k);
      this.observations.push({
        id: `${metric.id}@${period}${dims}`,
        metricId: metric.id,
        value: Math.round(rng.float() * 1_000_000) / 100,
        unit: metric.unit!,
        period,
        periodStart: `${period}-01-01`,
        periodEnd: `${period}-12-31`,
        dimensions: { ...dimensions },
        qualifier,
        note: null,
        sources: [this.citation()],
      });
    }
  }

  /**
   * Entities drawn at random, never a source, the hub or one of its addressers (whose 2-hop
   * would walk the hub's 10k edges), with a fixed quota per kind in the kinds' proportions, so
   * the probes have the same mix of kinds, and so of degrees, at every size.
   */
  private lookupIds(): string[] {
    const chosen: number[] = [];
    const taken = new Set<number>();
    const entityShare = 1 - LAYOUT[0].share;
    for (let slot = 1; slot < LAYOUT.length; slot++) {
      const count = this.counts[slot];
      const first = this.offsets[slot];
      let eligible = 0;
      for (let i = first; i < first + count; i++) if (i !== this.hubIndex && this.isHubAddresser[i] === 0) eligible++;
      const quota = Math.min(eligible, Math.max(1, Math.round((LOOKUP_PROBES * LAYOUT[slot].share) / entityShare)));
      let picked = 0;
      while (picked < quota) {
        const i = first + this.rng.int(count);
        if (i === this.hubIndex || this.isHubAddresser[i] === 1 || taken.has(i)) continue;
        taken.add(i);
        chosen.push(i);
        picked++;
      }
    }
    // Interleave the kinds, so any prefix of the list is a mix too.
    for (let k = chosen.length - 1; k > 0; k--) {
      const j = this.rng.int(k + 1);
      [chosen[k], chosen[j]] = [chosen[j], chosen[k]];
    }
    return chosen.map((i) => this.ids[i]);
  }

  /** Undirected adjacency (CSR) over every edge but ADDRESSES, for the pair search. */
  private adjacency(): { start: Int32Array; next: Int32Array } {
    const addresses = TYPE_INDEX.get(E.ADDRESSES)!;
    const start = new Int32Array(this.n + 1);
    for (let k = 0; k < this.edgeCount; k++) {
      if (this.edgeType[k] === addresses) continue;
      start[this.edgeFrom[k] + 1]++;
      start[this.edgeTo[k] + 1]++;
    }
    for (let i = 0; i < this.n; i++) start[i + 1] += start[i];
    const fill = start.slice(0, this.n);
    const next = new Int32Array(start[this.n]);
    for (let k = 0; k < this.edgeCount; k++) {
      if (this.edgeType[k] === addresses) continue;
      next[fill[this.edgeFrom[k]]++] = this.edgeTo[k];
      next[fill[this.edgeTo[k]]++] = this.edgeFrom[k];
    }
    return { start, next };
  }

  /** Pairs PAIR_DISTANCE hops apart where possible (2–4 otherwise), walking every edge but ADDRESSES. */
  private connectionPairs(): Array<readonly [string, string]> {
    const { start, next } = this.adjacency();
    const pairs: Array<readonly [string, string]> = [];
    for (let attempt = 0; pairs.length < CONNECTION_PAIRS && attempt < CONNECTION_PAIRS * 20; attempt++) {
      const from = this.rng.int(this.n);
      if (start[from + 1] === start[from]) continue;
      const distance = new Map<number, number>([[from, 0]]);
      let frontier = [from];
      const byDistance: number[][] = [[from]];
      for (let d = 1; d <= 4 && frontier.length > 0; d++) {
        const level: number[] = [];
        for (const u of frontier) {
          for (let k = start[u]; k < start[u + 1]; k++) {
            const v = next[k];
            if (distance.has(v)) continue;
            distance.set(v, d);
            level.push(v);
          }
        }
        byDistance.push(level);
        frontier = level;
      }
      const preferred = [PAIR_DISTANCE, 2, 4].find((d) => (byDistance[d]?.length ?? 0) > 0 && (d === PAIR_DISTANCE || attempt >= CONNECTION_PAIRS * 10));
      if (preferred === undefined) continue;
      const level = byDistance[preferred];
      pairs.push([this.ids[from], this.ids[level[this.rng.int(level.length)]]]);
    }
    return pairs;
  }
}

/** Concatenates datasets with disjoint ids (the seeds + a synthetic graph); throws on a duplicate id; version = hash of the parts' versions. */
export function mergeDatasets(...parts: Dataset[]): Dataset {
  const check = (what: string, ids: Iterable<string>, seen: Set<string>): void => {
    for (const id of ids) {
      if (seen.has(id)) throw new Error(`mergeDatasets: duplicate ${what} id ${JSON.stringify(id)}`);
      seen.add(id);
    }
  };
  const nodeIds = new Set<string>();
  const relIds = new Set<string>();
  const obsIds = new Set<string>();
  for (const p of parts) {
    check(
      'node',
      p.nodes.map((x) => x.id),
      nodeIds,
    );
    check(
      'relationship',
      p.relationships.map((x) => x.id),
      relIds,
    );
    check(
      'observation',
      p.observations.map((x) => x.id),
      obsIds,
    );
  }
  return {
    nodes: parts.flatMap((p) => p.nodes),
    relationships: parts.flatMap((p) => p.relationships),
    observations: parts.flatMap((p) => p.observations),
    version: createHash('sha256')
      .update(parts.map((p) => p.version).join('+'))
      .digest('hex')
      .slice(0, 16),
  };
}
