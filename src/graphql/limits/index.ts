export { SEARCH_COST_PER_RECORD, SEARCH_COST_PER_RECORD_AND_WORD, statisticsCostEstimator } from './cost';
export { listBounds } from './list-bounds';
export { MAX_ESTIMATED_SELECTIONS, countTokens, measureDocument } from './measure';
export { LIMIT_NAMES, checkQueryLimits, limitExceeded, readDegreeStats, type QueryLimits, type QueryMeasures } from './query-limits';
export type { DegreeStats } from '../../domain';
export { MAX_VARIABLES_DEPTH, nestingDepth } from './variables';
