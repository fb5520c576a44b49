import { TimeBudgetExceededError, type GraphStore } from '../domain';

/** When a request must stop, and the budget that set it (for the error message). */
export interface Deadline {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly budgetMs: number;
}

export function startDeadline(budgetMs: number): Deadline {
  return { at: Date.now() + budgetMs, budgetMs };
}

/** Throws `TIME_BUDGET_EXCEEDED` once the deadline has passed. */
export function checkDeadline(deadline: Deadline): void {
  if (Date.now() >= deadline.at) throw new TimeBudgetExceededError(deadline.budgetMs);
}

/** The port's calls that do work for a request (everything but `close` and `withDeadline`). */
type WorkMethod = Exclude<
  { [K in keyof GraphStore]-?: GraphStore[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof GraphStore],
  'close' | 'withDeadline'
>;

/** Every work method, checked by the compiler: a method added to the port must be listed here. */
const METHOD_SET = {
  getNodesByIds: true,
  getRelationships: true,
  findNodes: true,
  findRelationships: true,
  search: true,
  getObservations: true,
  getCitedItems: true,
  getCitedSlides: true,
  getStats: true,
  getDegreeStats: true,
  getDatasetVersion: true,
  applyChange: true,
  getHistory: true,
} satisfies Record<WorkMethod, true>;
const METHODS = Object.keys(METHOD_SET) as WorkMethod[];

/**
 * The request's view of the store: every call first checks the deadline, so a request past its
 * budget stops reading (a path search or a neighbourhood stops at its next level); a store
 * that can bound its own statements (Neo4j: `withDeadline`, a transaction timeout no longer
 * than what is left) is asked to. A call that fails once the deadline has passed reports the
 * budget rather than the store's own timeout.
 */
export function deadlineStore(store: GraphStore, deadline: Deadline): GraphStore {
  const inner = store.withDeadline?.(deadline.at) ?? store;
  const view: GraphStore = Object.create(store) as GraphStore;
  for (const method of METHODS) {
    const call = (inner[method] as (...args: unknown[]) => Promise<unknown>).bind(inner);
    Object.defineProperty(view, method, {
      value: async (...args: unknown[]) => {
        checkDeadline(deadline);
        try {
          return await call(...args);
        } catch (error) {
          if (method !== 'applyChange') checkDeadline(deadline);
          throw error;
        }
      },
    });
  }
  return view;
}
