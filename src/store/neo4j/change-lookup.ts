import {
  DIMENSION_USES_SHOWN,
  ENTITY_DIMENSIONS,
  changeLookupNeeds,
  type Change,
  type ChangeLookup,
  type GraphNode,
  type Observation,
  type Unit,
} from '../../domain';
import type { TransactionRun } from './executor';
import { toNumber } from './mappers';

/** The live observation a correction or retirement names, read first, and how many live observations its metric has. */
export interface ObservationTarget {
  readonly observation: Observation;
  readonly count: number;
}

/**
 * What validateChange will ask of the graph beyond the entities the change names, read inside
 * the change's transaction before it is checked (changeLookupNeeds says which): a metric's
 * observation units, an entity's dimension uses, a path of an acyclic edge type; the observation
 * a correction or retirement names is read by the caller first (`target`). Anything the
 * validation asks that was not fetched answers "none", which only the needs list can cause.
 */
export async function neo4jChangeLookup(
  run: TransactionRun,
  change: Change,
  live: ReadonlyMap<string, GraphNode>,
  retired: ReadonlySet<string>,
  target?: ObservationTarget,
): Promise<ChangeLookup> {
  const needs = changeLookupNeeds(change);
  let units: readonly Unit[] = [];
  let uses = { count: 0, ids: [] as string[] };
  let path = false;
  if (needs.observationUnitsOf !== undefined) {
    const result = await run('change/get-observation-units', { metricId: needs.observationUnitsOf });
    units = (result.records[0]?.get('units') as Unit[] | undefined) ?? [];
  }
  if (needs.dimensionUsesOf !== undefined) {
    const result = await run('change/get-dimension-uses', { id: needs.dimensionUsesOf, keys: [...ENTITY_DIMENSIONS], shown: DIMENSION_USES_SHOWN });
    const record = result.records[0];
    if (record) uses = { count: toNumber(record.get('count')), ids: (record.get('ids') as unknown[]).map(String) };
  }
  if (needs.path !== undefined) {
    const result = await run('change/get-path-exists', { ...needs.path });
    path = result.records[0]?.get('found') === true;
  }
  return {
    node: (id) => live.get(id),
    isRetired: (id) => retired.has(id),
    observationUnits: (metricId) => (metricId === needs.observationUnitsOf ? units : []),
    dimensionUses: (id) => (id === needs.dimensionUsesOf ? uses : { count: 0, ids: [] }),
    pathExists: (type, start, end) => needs.path !== undefined && type === needs.path.type && start === needs.path.start && end === needs.path.end && path,
    observation: (id) => (target && id === target.observation.id ? target.observation : undefined),
    observationCount: (metricId) => (target && metricId === target.observation.metricId ? target.count : 0),
  };
}
