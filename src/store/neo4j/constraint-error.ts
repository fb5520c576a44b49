/**
 * Neo4j's uniqueness-constraint message ("Node(123) already exists with label `Entity` and property
 * `id` = 'nafta'") names internal node ids and schema details no client should see. This turns it
 * into the domain's duplicate message, the one the memory store (and the seed checker) give.
 */
const CONSTRAINT_MESSAGE = /already exists with label `([^`]+)` and propert(?:y|ies) `([^`]+)` = (.+)$/;

/** The domain's duplicate message for a constraint violation; never Neo4j's own text. */
export function duplicateMessageOf(neo4jMessage: string): string {
  const match = CONSTRAINT_MESSAGE.exec(neo4jMessage.split('\n')[0]);
  if (!match) return 'duplicate record: already defined';
  const [, label, property, raw] = match;
  const value = /^'.*'$/.test(raw) ? raw.slice(1, -1).replace(/\\'/g, "'") : raw;
  if (label === 'Entity' && property === 'id') return `duplicate id ${JSON.stringify(value)}: already defined`;
  if (label === 'Observation' && property === 'id') return `duplicate observation ${value}: already defined`;
  return `duplicate ${label.toLowerCase()} ${property} ${JSON.stringify(value)}: already defined`;
}
