/** One problem found in the seeds: where it is, what was wrong, and the offending value. */
export interface SeedIssue {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function formatIssue(issue: SeedIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

/** Thrown when the seeds do not validate; carries every issue, not only the first. */
export class SeedValidationError extends Error {
  constructor(readonly issues: readonly SeedIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the seeds:\n` + issues.map((i) => `  ${formatIssue(i)}`).join('\n'));
    this.name = 'SeedValidationError';
  }
}
