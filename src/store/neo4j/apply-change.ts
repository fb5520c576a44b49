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
  unknownRelationshipError,
  validateChange,
  applyDelta,
  versionOfDigest,
  DomainError,
  ErrorCode,
  type ContentDelta,
  type AppliedChange,
  type Change,
  type GraphNode,
  type Relationship,
} from '../../domain';
import type { Neo4jExecutor, TransactionRun } from './executor';
import { neo4jChangeLookup } from './change-lookup';
import {
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
 * who and when, recompute the lifetimes (validStart/validEnd) it moves, and update the content
 * digest on the dataset node (dataset-version.ts) by what it hid and wrote. Nothing is written
 * when the check fails.
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
    const next = applyDelta(digest, applied.delta);
    await run('change/set-dataset-digest', { digest: next, version: versionOfDigest(next) });
    return applied.result;
  });
}

/** Checks and writes the change inside the transaction; answers what it wrote and its content delta. */
async function write(run: TransactionRun, change: Change): Promise<{ result: AppliedChange; delta: ContentDelta }> {
  const live = new Map<string, GraphNode>();
  const retired = new Set<string>();
  if ((change.op === 'updateEntity' || change.op === 'retireEntity') && typeof change.id === 'string') {
    await run('change/lock-entity', { id: change.id });
  }
  const found = await run('change/get-nodes', { ids: referencedIds(change) });
  for (const record of found.records) {
    const node = record.get('node') as Neo4jNode;
    if (node.properties.retiredAt !== null && node.properties.retiredAt !== undefined) retired.add(String(node.properties.id));
    else live.set(String(node.properties.id), nodeFromNeo4j(node));
  }
  const valid = validateChange(change, await neo4jChangeLookup(run, change, live, retired));
  const meta = { actor: change.actor, at: change.at };
  const base = { op: change.op, recordedBy: change.actor, recordedAt: change.at };

  switch (valid.op) {
    case 'createEntity': {
      const result = await run('change/create-entity', { kind: valid.node.kind, properties: nodeToProperties(valid.node, nodeValidity(valid.node)), ...meta });
      const node = nodeFromNeo4j(result.records[0].get('node'));
      if (!valid.observation) return { result: { ...base, node }, delta: { added: { nodes: [node] } } };
      // A Metric comes with its first observation, in the same transaction.
      const first = await run('change/add-observation', { metricId: node.id, properties: observationToProperties(valid.observation), ...meta });
      const observation = observationFromNeo4j(first.records[0].get('observation'));
      return { result: { ...base, node, observation }, delta: { added: { nodes: [node], observations: [observation] } } };
    }
    case 'updateEntity': {
      const properties: Record<string, unknown> = nodeToProperties(valid.node, nodeValidity(valid.node));
      for (const role of DATE_ROLES_BY_KIND[valid.node.kind]) properties[role] ??= null;
      delete properties.validStart;
      delete properties.validEnd;
      const result = await run('change/update-entity', { id: valid.node.id, properties, ...meta });
      await refreshValidity(run, [valid.node.id]);
      const node = nodeFromNeo4j(result.records[0].get('node'));
      return { result: { ...base, node }, delta: { removed: { nodes: [live.get(node.id)!] }, added: { nodes: [node] } } };
    }
    case 'retireEntity': {
      const result = await run('change/retire-entity', { id: valid.node.id, sources: valid.citations.map(citationText), ...meta });
      const record = result.records[0];
      await refreshValidity(run, record.get('replaced') as string[]);
      // Its live relationships and observations leave every read with it (a self-loop is listed twice).
      const edges = new Map<string, Relationship>();
      for (const e of record.get('edges') as Array<{ type: string; rel: Record<string, unknown>; from: string; to: string }>) {
        const rel = relationshipFromNeo4j(e.type, e.rel, e.from, e.to);
        edges.set(rel.id, rel);
      }
      const observations = (record.get('observations') as Array<Record<string, unknown>>).map(observationFromNeo4j);
      return { result: { ...base, node: valid.node }, delta: { removed: { nodes: [valid.node], relationships: [...edges.values()], observations } } };
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
      return { result: { ...base, relationship: written, to: nodeFromNeo4j(record.get('other')) }, delta: { added: { relationships: [written] } } };
    }
    case 'retireRelationship': {
      const from = valid.id.split(':')[0];
      const result = await run('change/retire-relationship', { id: valid.id, from, sources: valid.citations.map(citationText), ...meta });
      const record = result.records[0];
      if (!record) throw unknownRelationshipError(valid.id);
      const other = nodeFromNeo4j(record.get('other'));
      if (record.get('type') === EdgeType.REPLACES) await refreshValidity(run, [other.id]);
      const retiredRel = relationshipFromNeo4j(record.get('type'), record.get('rel'), from, other.id);
      return { result: { ...base, relationship: retiredRel, to: other }, delta: { removed: { relationships: [retiredRel] } } };
    }
    case 'addObservation': {
      const obs = valid.observation;
      const existing = await run('change/get-observation', { id: obs.id });
      if (toNumber(existing.records[0].get('count')) > 0) throw new ChangeRejectedError([duplicateObservationMessage(obs)]);
      const result = await run('change/add-observation', { metricId: obs.metricId, properties: observationToProperties(obs), ...meta });
      const observation = observationFromNeo4j(result.records[0].get('observation'));
      return { result: { ...base, observation }, delta: { added: { observations: [observation] } } };
    }
    default:
      throw new Error(`${valid.op}: not yet supported by this store (stage K in progress)`);
  }
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
