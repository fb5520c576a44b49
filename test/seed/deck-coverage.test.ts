/**
 * Deck coverage: every number the 2022 briefing deck states is in the graph.
 *
 * The test reads the repository's copy of the deck (seeds/source/briefing-deck-2022.txt), splits
 * it into slides exactly as seeds/README.md describes (three or more blank lines end a slide),
 * and extracts every number token of every slide: `661.2`, `1,660,000`, `$3.2`, `28%`, `2nd`,
 * `⅔` … For each (slide, number) it then requires ONE of:
 *
 *   1. an observation citing that slide (any source id, that slide number) whose value equals
 *      the number, allowing the obvious scalings: a value stated with "million/billion/…" against
 *      the raw figure (and vice versa, via the unit's factor: 0.7 MILLION = "700,000"), a
 *      percentage stated as a fraction, a fraction glyph as a percentage, a rank for an ordinal
 *      ("2nd" = 2), and the absolute value of a stated decrease ("declined by 3%" = -3);
 *   2. an automatic exemption: a four-digit year 1990–2030 (also inside `FY2011`, `FY 2020`), the
 *      two-digit end of a year range (`2021-22`), or a day/month number inside a date
 *      (`November 30, 2018`, `January 31`, `11/21`);
 *   3. an entry of ALLOW_LIST below: a number that is not a measurement (list numbering, chapter
 *      numbers, names such as "COVID-19" or "21st Century Border" …), with its slide, the line it
 *      is on and the reason.
 *
 * On failure it prints each uncovered (slide, number, context line).
 * Set DECK_COVERAGE_SUMMARY=1 to print the counts even when it passes, =all to also list every
 * token with what covers it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNIT_SCALE, type Observation } from '../../src/domain';
import { seedDataset } from '../helpers/dataset';

const DECK_PATH = join(__dirname, '..', '..', 'seeds', 'source', 'briefing-deck-2022.txt');
/** sha256 of /work/shared/source/000_08f1b5fea7862296.txt, of which the repository keeps a byte-identical copy. */
const DECK_SHA256 = '615f26da4873e87691c2c2e49c122059db73fbcc33220e04446729160ca06069';

// ── The allow-list ──────────────────────────────────────────────────────────
// Numbers on a slide that are not measurements. `where` is text on the number's line that
// identifies the occurrence; an entry covers only the occurrences whose line contains it.

interface AllowEntry {
  readonly slide: number;
  readonly number: number;
  readonly where: string;
  readonly reason: string;
}

const COVID = 'part of the name COVID-19, not a measurement';

const ALLOW_LIST: readonly AllowEntry[] = [
  // Names of the pandemic ("COVID 19", "COVID-19")
  { slide: 2, number: 19, where: 'COVID 19', reason: COVID },
  { slide: 20, number: 19, where: 'COVID 19', reason: COVID },
  { slide: 39, number: 19, where: 'COVID 19', reason: COVID },
  { slide: 52, number: 19, where: 'COVID-19', reason: COVID },
  { slide: 55, number: 19, where: 'COVID 19', reason: COVID },
  { slide: 60, number: 19, where: 'COVID', reason: COVID },

  // Names of goals, agendas, programs and legal authorities
  { slide: 2, number: 21, where: '21st century border', reason: 'name of the “21st century border” goal (topic border-modernization)' },
  { slide: 27, number: 21, where: '21st Century Border', reason: 'name of Mérida goal 3, “Creating a 21st Century Border” (merida-goal-21st-century-border)' },
  { slide: 43, number: 4, where: '4th Transformation', reason: 'name of AMLO’s agenda, the “4th Transformation” (fourth-transformation)' },
  { slide: 26, number: 19, where: 'Article 19', reason: 'name of the NGO Article 19 (article-19)' },
  { slide: 20, number: 42, where: 'Title 42', reason: 'name of the legal authority Title 42 (title-42-expulsions)' },
  { slide: 56, number: 2, where: 'H-2A', reason: 'names of the visa programs H-2A and H-2B (h-2a-visa-program, h-2b-visa-program)' },
  { slide: 59, number: 3, where: '3-way cooperation', reason: '“3-way” means trilateral (the NALS), not a count' },

  // Chapter numbers and publication identifiers
  { slide: 37, number: 19, where: 'Chapter 19', reason: 'chapter number of a NAFTA/USMCA provision (chapter-19-dispute-settlement)' },
  { slide: 37, number: 20, where: 'Ch. 20', reason: 'chapter number of a NAFTA/USMCA provision (chapter-20-dispute-settlement)' },
  { slide: 8, number: 16426, where: 'NBER Working Paper No 16426', reason: 'working-paper number in a citation (koopman-nber-16426)' },
  { slide: 34, number: 20, where: 'NAFTA 20 Years Later', reason: 'title of the credited publication, “NAFTA 20 Years Later” (piie-2014)' },

  // List numbering ("1.", "2." …)
  ...[1, 2, 3, 4].map((n) => ({ slide: 27, number: n, where: `${n}. `, reason: 'list numbering of the four Mérida goals' })),
  ...[1, 2, 3, 4, 5].map((n) => ({ slide: 30, number: n, where: `${n}. `, reason: 'list numbering of the five “chronic irritants”' })),
  ...[1, 2, 3].map((n) => ({ slide: 40, number: n, where: `${n}. `, reason: 'list numbering of the HLED points (its pillars are lettered A.–D.)' })),
  ...[1, 2, 3, 4, 5].map((n) => ({ slide: 41, number: n, where: `${n}. `, reason: 'list numbering of the five NALS 2021 action areas' })),

  // Units and definitions rather than values
  { slide: 25, number: 100000, where: '26 per 100,000 inhabitants', reason: 'denominator of the homicide rate (unit PER_100K), not a value' },
  {
    slide: 49,
    number: 2,
    where: 'less than $2 a day',
    reason: 'poverty line that defines the metric mexico-under-2-dollars-a-day, not a separate measurement',
  },

  // Time spans that describe a trend rather than measure something
  {
    slide: 18,
    number: 25,
    where: 'last 25 years',
    reason: 'span over which net migration dropped; the deck gives no figure for net migration (so the graph holds no such metric)',
  },
];

// ── Slides and number tokens ────────────────────────────────────────────────

/** Splits the deck into slides as seeds/README.md describes (slide n is index n - 1). */
function splitSlides(text: string): string[] {
  return text.split(/\n\s*\n\s*\n\s*\n/);
}

const FRACTIONS: Readonly<Record<string, number>> = { '½': 1 / 2, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 1 / 4, '¾': 3 / 4, '⅕': 1 / 5, '⅛': 1 / 8 };
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;

interface NumberToken {
  readonly slide: number;
  /** As written on the slide (`$1.3`, `28%`, `2nd`, `⅔`). */
  readonly text: string;
  readonly value: number;
  readonly percent: boolean;
  readonly fraction: boolean;
  /** "million", "billion" … written right after the number, as a factor. */
  readonly scale: number | null;
  readonly line: string;
  /** Why the token is exempt automatically, if it is. */
  readonly auto: 'year' | 'date' | null;
}

const TOKEN = /[½⅓⅔¼¾⅕⅛]|\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*%|\s*percent\b|(?:st|nd|rd|th)\b)?/gi;

function lineAt(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? text.length : end).trim();
}

/** Every number token of one slide, with the automatic year/date exemptions marked. */
function numbersOf(slideText: string, slide: number): NumberToken[] {
  // Spans of the slide that are dates: the day in "November 30, 2018" / "January 31" / "30 November",
  // both parts of "11/21", and the two-digit end of a year range such as "2021-22".
  const dateSpans: Array<[number, number, 'year' | 'date']> = [];
  const mark = (re: RegExp, group: number, why: 'year' | 'date'): void => {
    for (const m of slideText.matchAll(re)) {
      const at = m.index! + m[0].indexOf(m[group]);
      dateSpans.push([at, at + m[group].length, why]);
    }
  };
  mark(new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?![\d.,]\d|\s*%)`, 'g'), 1, 'date');
  mark(new RegExp(String.raw`(?<![\d.])(\d{1,2})\s+${MONTH}\b`, 'g'), 1, 'date');
  mark(/(?<![\d.,])(\d{1,2})\/\d{2,4}(?!\d)/g, 1, 'date');
  mark(/(?<![\d.,])\d{1,2}\/(\d{2,4})(?!\d)/g, 1, 'date');
  mark(/\b(?:19|20)\d\d\s*[-–]\s*(\d\d)(?!\d)/g, 1, 'year');

  const tokens: NumberToken[] = [];
  for (const m of slideText.matchAll(TOKEN)) {
    const at = m.index!;
    const line = lineAt(slideText, at);
    if (m[0] in FRACTIONS) {
      tokens.push({ slide, text: m[0], value: FRACTIONS[m[0]], percent: false, fraction: true, scale: null, line, auto: null });
      continue;
    }
    const digits = m[1];
    const decimals = m[2] ?? '';
    const suffix = (m[3] ?? '').trim().toLowerCase();
    const value = Number(digits.replace(/,/g, '') + decimals);
    const numberAt = at + m[0].indexOf(digits);
    const after = slideText.slice(at + m[0].length);
    const scaleWord = /^\s*(thousand|million|billion|trillion)\b/i.exec(after)?.[1]?.toLowerCase();
    const percent = suffix === '%' || suffix === 'percent';
    const plain = !m[0].startsWith('$') && decimals === '' && !digits.includes(',') && suffix === '';
    const measured = /^\s*-?\s*(miles?|km|kilomet|thousand|million|billion|trillion)/i.test(after);
    let auto: NumberToken['auto'] = null;
    if (plain && !measured && /^\d{4}$/.test(digits) && value >= 1990 && value <= 2030) auto = 'year';
    const span = dateSpans.find(([s, e]) => s === numberAt && e === numberAt + digits.length);
    if (plain && span) auto = span[2];
    tokens.push({ slide, text: m[0].trim(), value, percent, fraction: false, scale: scaleWord ? SCALES[scaleWord] : null, line, auto });
  }
  return tokens;
}

// ── Matching numbers to observations ────────────────────────────────────────

const SCALED_FAMILIES = new Set(['usd', 'count']);

function close(a: number, b: number, fraction: boolean): boolean {
  if (fraction) return Math.abs(a - b) < 0.05;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Does the observation state this number (allowing the obvious scalings)? */
function observationStates(obs: Observation, token: NumberToken): boolean {
  const stated = new Set<number>([token.value]);
  if (token.scale) stated.add(token.value * token.scale);
  if (token.percent) stated.add(token.value / 100);
  if (token.fraction) stated.add(token.value * 100);
  const held = new Set<number>([obs.value, Math.abs(obs.value)]);
  const { family, factor } = UNIT_SCALE[obs.unit];
  if (SCALED_FAMILIES.has(family)) held.add(Math.abs(obs.value) * factor);
  for (const s of stated) for (const h of held) if (close(s, h, token.fraction)) return true;
  return false;
}

type Coverage = 'observation' | 'year' | 'date' | 'allow-list' | 'missing';

interface Classified {
  readonly token: NumberToken;
  readonly coverage: Coverage;
  readonly allow?: AllowEntry;
  readonly observation?: Observation;
}

function classify(tokens: readonly NumberToken[], observations: readonly Observation[]): Classified[] {
  return tokens.map((token) => {
    const cited = observations.filter((o) => o.sources.some((s) => s.slide === token.slide));
    const observation = cited.find((o) => observationStates(o, token));
    if (observation) return { token, coverage: 'observation', observation };
    if (token.auto) return { token, coverage: token.auto };
    const allow = ALLOW_LIST.find((a) => a.slide === token.slide && a.number === token.value && token.line.includes(a.where));
    if (allow) return { token, coverage: 'allow-list', allow };
    return { token, coverage: 'missing' };
  });
}

// ── The tests ───────────────────────────────────────────────────────────────

describe('the deck’s numbers are all in the graph', () => {
  const raw = readFileSync(DECK_PATH);
  const slides = splitSlides(raw.toString('utf8'));
  const tokens = slides.flatMap((text, i) => numbersOf(text, i + 1));
  const classified = classify(tokens, seedDataset().observations);

  it('reads the repository copy of the deck, 60 slides', () => {
    expect(createHash('sha256').update(raw).digest('hex')).toBe(DECK_SHA256);
    expect(slides).toHaveLength(60);
  });

  it('extracts the number tokens the deck is known to contain', () => {
    const on = (slide: number) => tokens.filter((t) => t.slide === slide).map((t) => t.value);
    expect(on(7)).toEqual(expect.arrayContaining([2021, 664.8, 661.2]));
    expect(on(20)).toEqual(expect.arrayContaining([400651, 1660000, 672838, 60, 28, 42]));
    expect(on(44)).toEqual(expect.arrayContaining([21368, 2 / 3, 35, 36]));
    const nov30 = tokens.find((t) => t.slide === 36 && t.value === 30);
    expect(nov30?.auto).toBe('date');
    const mile = tokens.find((t) => t.slide === 1 && t.value === 1990);
    expect(mile?.auto).toBeNull();
    const billion = tokens.find((t) => t.slide === 32 && t.value === 3.6);
    expect(billion?.scale).toBe(1e9);
  });

  it('finds each (slide, number) in an observation citing the slide, or as a year/date, or in the allow-list', () => {
    const missing = classified.filter((c) => c.coverage === 'missing');
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const { token } of missing) {
      const key = `${token.slide}|${token.value}|${token.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`  slide ${token.slide}: ${token.text} (= ${token.value})   in “${token.line}”`);
    }
    const summary = summarize(classified);
    if (process.env.DECK_COVERAGE_SUMMARY === 'all') console.log(classified.map(describeToken).join('\n'));
    if (process.env.DECK_COVERAGE_SUMMARY) console.log(summary);
    if (lines.length > 0) {
      throw new Error(
        `${lines.length} number occurrence(s) stated by the deck are neither in an observation citing their slide ` +
          `nor a year/date nor allow-listed in test/seed/deck-coverage.test.ts:\n${lines.join('\n')}\n\n${summary}`,
      );
    }
  });

  it('has no stale or redundant allow-list entries', () => {
    const problems: string[] = [];
    for (const entry of ALLOW_LIST) {
      const hits = classified.filter((c) => c.token.slide === entry.slide && c.token.value === entry.number && c.token.line.includes(entry.where));
      if (hits.length === 0) problems.push(`slide ${entry.slide}: ${entry.number} “${entry.where}” does not occur on the slide`);
      else if (!hits.some((c) => c.allow === entry))
        problems.push(`slide ${entry.slide}: ${entry.number} “${entry.where}” is already covered (${hits.map((c) => c.coverage).join(', ')})`);
    }
    expect(problems).toEqual([]);
  });
});

function describeToken({ token, coverage, allow, observation }: Classified): string {
  const by = observation ? observation.id : allow ? allow.reason : '';
  return `${String(token.slide).padStart(2)}  ${token.text.padEnd(12)} ${coverage.padEnd(11)} ${by}`;
}

function summarize(classified: readonly Classified[]): string {
  const pairs = new Map<string, Coverage[]>();
  for (const c of classified) {
    const key = `${c.token.slide}|${c.token.value}`;
    pairs.set(key, [...(pairs.get(key) ?? []), c.coverage]);
  }
  const tally: Record<string, number> = { observation: 0, 'year/date': 0, 'allow-list': 0, missing: 0 };
  for (const coverages of pairs.values()) {
    if (coverages.includes('missing')) tally.missing++;
    else if (coverages.includes('observation')) tally.observation++;
    else if (coverages.includes('allow-list')) tally['allow-list']++;
    else tally['year/date']++;
  }
  return (
    `deck coverage: ${classified.length} number tokens, ${pairs.size} distinct (slide, number) pairs: ` +
    `${tally.observation} in observations, ${tally['year/date']} years/dates, ${tally['allow-list']} allow-listed, ${tally.missing} missing`
  );
}
