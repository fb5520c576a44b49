export { listCostEstimator } from './cost';
export { MAX_ESTIMATED_SELECTIONS, UNBOUNDED_LIST_SIZE, countTokens, measureDocument } from './measure';
export { LIMIT_NAMES, checkQueryLimits, limitExceeded, type QueryLimits, type QueryMeasures } from './query-limits';
