import type { Node as Neo4jNode } from 'neo4j-driver';
import {
  ChangeRejectedError,
  DATE_ROLES_BY_KIND,
  EdgeType,
  citationText,
  duplicateObservationMessage,
  duplicateRelationshipMessage,
  nodeValidity,
  nodeValidityReplacedFrom,
  referencedIds,
  retiredObservationHoldsIdMessage,
  unknownRelationshipError,
  validateChange,
  applyDelta,
  versionOfDigest,
  DomainError,
  ErrorCode,
  type ContentDelta,
  type AppliedChange,
  type Change,
  type Citation,
  type GraphNode,
  type HistoryEntry,
  type Observation,
  type RecordRef,
  type Relationship,
  type SeedRecord,
  changeLookupNeeds,
  entityRecord,
  historyEntry,
  observationRecord,
  relationshipRecord,
} from '../../domain';
import type { Neo4jExecutor, TransactionRun } from './executor';
import { neo4jChangeLookup, type ObservationTarget } from './change-lookup';
import { changeRecordRow, entitySeedBase, observationSeedBase, relationshipSeedBase } from './history-records';
import {
  citationsFromProperty,
  nodeFromNeo4j,
  nodeToProperties,
  observationFromNeo4j,
  observationToProperties,
  relationshipFromNeo4j,
  relationshipToProperties,
  toNumber,
} from './mappers';

/**
 * One curated change as ONE write transaction: lock the entity it updates or retires, read every
 * entity it refers to, check it with the seed checker's rules (validateChange), write it with
 * who and when, recompute the lifetimes (validStart/validEnd) it moves, write a change record
 * per record it touched (history-records.ts), and update the content digest on the dataset node
 * (dataset-version.ts) by what it hid and wrote. Nothing is written when the check fails.
 */
export function applyChange(executor: Neo4jExecutor, change: Change): Promise<AppliedChange> {
  return executor.transaction(`change/${change.op}`, async (run) => {
    // The dataset lock first, then the entity's: every change takes them in this order.
    const locked = await run('change/lock-dataset', {});
    const digest = locked.records[0]?.get('digest') as unknown;
    if (typeof digest !== 'string') {
      throw new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'the database holds no content digest of its dataset (unseeded, or seeded by an older version): run `npm run seed` before curating',
      );
    }
    const applied = await write(run, change);
    await run('change/write-history', { entries: applied.history.map((h) => changeRecordRow(h.ref, h.entry)) });
    const next = applyDelta(digest, applied.delta);
    await run('change/set-dataset-digest', { digest: next, version: versionOfDigest(next) });
    return applied.result;
  });
}

/** Checks and writes the change inside the transaction; answers what it wrote, its content delta and history entries. */
async function write(run: TransactionRun, change: Change): Promise<{ result: AppliedChange; delta: ContentDelta; history: History[] }> {
  const live = new Map<string, GraphNode>();
  const retired = new Set<string>();
  if ((change.op === 'updateEntity' || change.op === 'retireEntity') && typeof change.id === 'string') {
    await run('change/lock-entity', { id: change.id });
  }
  // A correction or retirement reads its observation first: the entities it names (its metric,
  // dimensions and citations) are read with those the change names.
  const target = await readObservation(run, changeLookupNeeds(change).observation);
  const ids = new Set(referencedIds(change));
  if (target) {
    for (const c of target.observation.sources) ids.add(c.sourceId);
    for (const value of Object.values(target.observation.dimensions)) ids.add(value);
  }
  const found = await run('change/get-nodes', { ids: [...ids] });
  for (const record of found.records) {
    const node = record.get('node') as Neo4jNode;
    if (node.properties.retiredAt !== null && node.properties.retiredAt !== undefined) retired.add(String(node.properties.id));
    else live.set(String(node.properties.id), nodeFromNeo4j(node));
  }
  const valid = validateChange(change, await neo4jChangeLookup(run, change, live, retired, target));
  const meta = { actor: change.actor, at: change.at };
  const base = { op: change.op, recordedBy: change.actor, recordedAt: change.at };
  // The change's own citations, for its history entries (a record keeps the ones it had).
  const cited = ownCitations(change.sources);
  const entry = (before: SeedRecord | null, after: SeedRecord | null, previousId: string | null = null) =>
    historyEntry(change, cited, before, after, previousId);

  switch (valid.op) {
    case 'createEntity': {
      const result = await run('change/create-entity', { kind: valid.node.kind, properties: nodeToProperties(valid.node, nodeValidity(valid.node)), ...meta });
      const node = nodeFromNeo4j(result.records[0].get('node'));
      const created: History = { ref: { kind: 'ENTITY', id: node.id }, entry: entry(null, entityRecord(node)) };
      if (!valid.observation) return { result: { ...base, node }, delta: { added: { nodes: [node] } }, history: [created] };
      // A Metric comes with its first observation, in the same transaction.
      const observation = await addObservation(run, valid.observation, meta);
      return {
        result: { ...base, node, observation },
        delta: { added: { nodes: [node], observations: [observation] } },
        history: [created, { ref: { kind: 'OBSERVATION', id: observation.id }, entry: entry(null, observationRecord(observation)) }],
      };
    }
    case 'updateEntity': {
      const properties: Record<string, unknown> = nodeToProperties(valid.node, nodeValidity(valid.node));
      for (const role of DATE_ROLES_BY_KIND[valid.node.kind]) properties[role] ??= null;
      delete properties.validStart;
      delete properties.validEnd;
      const before = live.get(valid.node.id)!;
      const result = await run('change/update-entity', { id: valid.node.id, properties, seedBase: entitySeedBase(before), ...meta });
      await refreshValidity(run, [valid.node.id]);
      const node = nodeFromNeo4j(result.records[0].get('node'));
      return {
        result: { ...base, node },
        delta: { removed: { nodes: [before] }, added: { nodes: [node] } },
        history: [{ ref: { kind: 'ENTITY', id: node.id }, entry: entry(entityRecord(before), entityRecord(node)) }],
      };
    }
    case 'retireEntity': {
      const result = await run('change/retire-entity', {
        id: valid.node.id,
        sources: valid.citations.map(citationText),
        seedBase: entitySeedBase(valid.node),
        ...meta,
      });
      const record = result.records[0];
      await refreshValidity(run, record.get('replaced') as string[]);
      // Its live relationships and observations leave every read with it (a self-loop is listed twice).
      const edges = new Map<string, Relationship>();
      for (const e of record.get('edges') as Array<{ type: string; rel: Record<string, unknown>; from: string; to: string }>) {
        const rel = relationshipFromNeo4j(e.type, e.rel, e.from, e.to);
        edges.set(rel.id, rel);
      }
      const observations = (record.get('observations') as Array<Record<string, unknown>>).map(observationFromNeo4j);
      // A metric's observations retire with it: re-seeding keeps them retired too.
      if (observations.length > 0) await run('change/set-seed-bases', { rows: observations.map((o) => ({ id: o.id, base: observationSeedBase(o) })) });
      return {
        result: { ...base, node: valid.node },
        delta: { removed: { nodes: [valid.node], relationships: [...edges.values()], observations } },
        history: [{ ref: { kind: 'ENTITY', id: valid.node.id }, entry: entry(null, null) }],
      };
    }
    case 'addRelationship': {
      const rel = valid.relationship;
      // The write itself says whether a live one was there (identical changes at once: one is new).
      const result = await run('change/merge-relationship', {
        id: rel.id,
        type: rel.type,
        from: rel.from,
        to: rel.to,
        properties: relationshipToProperties(rel),
        ...meta,
      });
      const record = result.records[0];
      if (record.get('existed') === true) throw new ChangeRejectedError([duplicateRelationshipMessage(rel)]);
      if (rel.type === EdgeType.REPLACES) await refreshValidity(run, [rel.to]);
      const written = relationshipFromNeo4j(rel.type, record.get('rel'), rel.from, rel.to);
      return {
        result: { ...base, relationship: written, to: nodeFromNeo4j(record.get('other')) },
        delta: { added: { relationships: [written] } },
        history: [{ ref: { kind: 'RELATIONSHIP', id: written.id }, entry: entry(null, relationshipRecord(written)) }],
      };
    }
    case 'retireRelationship': {
      const from = valid.id.split(':')[0];
      const result = await run('change/retire-relationship', { id: valid.id, from, sources: valid.citations.map(citationText), ...meta });
      const record = result.records[0];
      if (!record) throw unknownRelationshipError(valid.id);
      const other = nodeFromNeo4j(record.get('other'));
      if (record.get('type') === EdgeType.REPLACES) await refreshValidity(run, [other.id]);
      const retiredRel = relationshipFromNeo4j(record.get('type'), record.get('rel'), from, other.id);
      await run('change/set-relationship-seed-base', { id: valid.id, from, seedBase: relationshipSeedBase(retiredRel) });
      return {
        result: { ...base, relationship: retiredRel, to: other },
        delta: { removed: { relationships: [retiredRel] } },
        history: [{ ref: { kind: 'RELATIONSHIP', id: valid.id }, entry: entry(null, null) }],
      };
    }
    case 'addObservation': {
      const observation = await addObservation(run, valid.observation, meta);
      return {
        result: { ...base, observation },
        delta: { added: { observations: [observation] } },
        history: [{ ref: { kind: 'OBSERVATION', id: observation.id }, entry: entry(null, observationRecord(observation)) }],
      };
    }
    case 'updateObservation': {
      const { before } = valid;
      const moved = valid.observation.id !== before.id;
      if (moved) {
        const taken = (await run('change/get-observation', { id: valid.observation.id })).records[0];
        if (toNumber(taken.get('live')) > 0) throw new ChangeRejectedError([duplicateObservationMessage(valid.observation)]);
        if (toNumber(taken.get('count')) > 0) {
          throw new ChangeRejectedError([retiredObservationHoldsIdMessage(before.id, valid.observation.id)]);
        }
      }
      // A patch: the new properties, and null for those only the old record had (old dimensions).
      const properties: Record<string, unknown> = observationToProperties(valid.observation);
      for (const key of Object.keys(observationToProperties(before))) if (!(key in properties)) properties[key] = null;
      const result = await run('change/update-observation', { id: before.id, properties, seedBase: observationSeedBase(before), ...meta });
      const observation = observationFromNeo4j(result.records[0].get('observation'));
      if (moved) await run('change/move-history', { moves: [{ from: before.id, to: observation.id }] });
      return {
        result: { ...base, observation },
        delta: { removed: { observations: [before] }, added: { observations: [observation] } },
        history: [
          {
            ref: { kind: 'OBSERVATION', id: observation.id },
            entry: entry(observationRecord(before), observationRecord(observation), moved ? before.id : null),
          },
        ],
      };
    }
    case 'retireObservation': {
      const obs = valid.observation;
      await run('change/retire-observation', { id: obs.id, sources: valid.citations.map(citationText), seedBase: observationSeedBase(obs), ...meta });
      return {
        result: { ...base, observation: obs },
        delta: { removed: { observations: [obs] } },
        history: [{ ref: { kind: 'OBSERVATION', id: obs.id }, entry: entry(null, null) }],
      };
    }
  }
}

/** One history entry and the record it belongs to. */
interface History {
  readonly ref: RecordRef;
  readonly entry: HistoryEntry;
}

/** The live observation a correction or retirement names, and its metric's live count; undefined when the change names none. */
async function readObservation(run: TransactionRun, id: string | undefined): Promise<ObservationTarget | undefined> {
  if (typeof id !== 'string') return undefined;
  const record = (await run('change/get-live-observation', { id })).records[0];
  const props = record?.get('observation') as Record<string, unknown> | null;
  if (!props) return undefined;
  return { observation: observationFromNeo4j(props), count: toNumber(record.get('count')) };
}

/**
 * Adds an observation, or brings back a retired one with its id (still linked to its metric); a
 * live one is a duplicate (the uniqueness constraint backs the check: constraint-error.ts).
 */
async function addObservation(run: TransactionRun, obs: Observation, meta: { actor: string; at: string }): Promise<Observation> {
  const existing = (await run('change/get-observation', { id: obs.id })).records[0];
  if (toNumber(existing.get('live')) > 0) throw new ChangeRejectedError([duplicateObservationMessage(obs)]);
  const statement = toNumber(existing.get('count')) > 0 ? 'change/revive-observation' : 'change/add-observation';
  const result = await run(statement, { metricId: obs.metricId, id: obs.id, properties: observationToProperties(obs), ...meta });
  return observationFromNeo4j(result.records[0].get('observation'));
}

/** A change's citations (checked by validateChange), each once, in its order. */
function ownCitations(sources: readonly string[]): Citation[] {
  return citationsFromProperty([...new Set(sources)]);
}

/** Lifetimes depend on an entity's dates and the REPLACES edges into it: recompute those given. */
async function refreshValidity(run: TransactionRun, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const result = await run('change/get-replaced-from', { ids: [...ids] });
  const rows = result.records.map((r) => {
    const node = nodeFromNeo4j(r.get('node'));
    const validity = nodeValidityReplacedFrom(node, (r.get('replacedFrom') as unknown[]).map(String));
    return { id: node.id, start: validity.start, end: validity.end };
  });
  await run('change/set-validity', { rows });
}
