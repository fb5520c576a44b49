import { createHash } from 'node:crypto';
import type { Dataset, GraphNode, Observation, Relationship } from './model';

// The dataset version identifies the data, not the files it came from: a digest of the canonical
// content of the live graph. Each live record (entity, relationship, observation) is serialised
// canonically (keys sorted, null fields left out, a tag for its kind) and hashed with SHA-256;
// the digest is the SUM of those hashes mod 2^256 (an order-independent multiset hash), so
// file names, record order, comments and YAML formatting change nothing, and a store keeps it
// current under curation by subtracting the records a change hides or replaces and adding the
// ones it writes, without reading the rest of the graph. Retired records are not live: not counted.

const MODULUS = 1n << 256n;

/** Hex characters of the digest shown as the version (64 bits: cited by people, compared by tests). */
const VERSION_LENGTH = 16;

type Canonical = null | string | number | boolean | Canonical[] | { [key: string]: Canonical };

/** JSON with object keys sorted and null/undefined fields dropped, so equal records read alike on both stores. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): Canonical {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Canonical } = {};
    for (const key of Object.keys(value).sort()) {
      const field = (value as Record<string, unknown>)[key];
      if (field !== null && field !== undefined) out[key] = canonical(field);
    }
    return out;
  }
  return value as Canonical;
}

function recordHash(tag: string, record: unknown): bigint {
  return BigInt(`0x${createHash('sha256').update(tag).update('\0').update(canonicalJson(record)).digest('hex')}`);
}

/** The hash of one entity's canonical content, a term of the dataset digest. */
export function entityHash(node: GraphNode): bigint {
  return recordHash('entity', node);
}

/** The hash of one relationship's canonical content, a term of the dataset digest. */
export function relationshipHash(rel: Relationship): bigint {
  return recordHash('relationship', rel);
}

/** The hash of one observation's canonical content, a term of the dataset digest. */
export function observationHash(obs: Observation): bigint {
  return recordHash('observation', obs);
}

/** The records a change hides or replaces (`removed`) and writes (`added`), for updating a digest. */
export interface ContentDelta {
  readonly removed?: {
    readonly nodes?: readonly GraphNode[];
    readonly relationships?: readonly Relationship[];
    readonly observations?: readonly Observation[];
  };
  readonly added?: { readonly nodes?: readonly GraphNode[]; readonly relationships?: readonly Relationship[]; readonly observations?: readonly Observation[] };
}

/** A dataset digest: the sum of its live records' hashes mod 2^256, as 64 hex characters. */
export type ContentDigest = string;

function fromHex(digest: ContentDigest): bigint {
  if (!/^[0-9a-f]{64}$/.test(digest)) throw new Error(`a dataset digest is 64 hex characters, received ${JSON.stringify(digest)}`);
  return BigInt(`0x${digest}`);
}

function toHex(sum: bigint): ContentDigest {
  return (((sum % MODULUS) + MODULUS) % MODULUS).toString(16).padStart(64, '0');
}

function sumOf(
  records:
    { readonly nodes?: readonly GraphNode[]; readonly relationships?: readonly Relationship[]; readonly observations?: readonly Observation[] } | undefined,
): bigint {
  let sum = 0n;
  for (const n of records?.nodes ?? []) sum += entityHash(n);
  for (const r of records?.relationships ?? []) sum += relationshipHash(r);
  for (const o of records?.observations ?? []) sum += observationHash(o);
  return sum;
}

/** The digest of every record of `dataset` (its `version` field is not read). */
export function datasetDigest(dataset: Pick<Dataset, 'nodes' | 'relationships' | 'observations'>): ContentDigest {
  return toHex(sumOf(dataset));
}

/** `digest` after a change: minus the records it hides or replaces, plus those it writes. */
export function applyDelta(digest: ContentDigest, delta: ContentDelta): ContentDigest {
  return toHex(fromHex(digest) - sumOf(delta.removed) + sumOf(delta.added));
}

/** The version shown to users (GraphQL `dataset { version }`, `/readyz`, `X-Dataset-Version`, export names). */
export function versionOfDigest(digest: ContentDigest): string {
  return fromHex(digest).toString(16).padStart(64, '0').slice(0, VERSION_LENGTH);
}

/** The version of `dataset`'s content: what a store holding exactly it reports. */
export function datasetVersion(dataset: Pick<Dataset, 'nodes' | 'relationships' | 'observations'>): string {
  return versionOfDigest(datasetDigest(dataset));
}
