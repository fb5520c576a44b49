export { checkSeeds, loadSeeds, type SeedCheck } from './load-seeds';
export { SeedValidationError, formatIssue, type SeedIssue } from './seed-error';
