import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The GraphQL type of a `Node` value: an entity view carries its kind (also its type name), an
 * observation its metric id; anything else is a relationship (synchronous, as `resolveEntityType`).
 */
export function resolveNodeType(value: { kind?: unknown; metricId?: unknown }): string {
  if (typeof value.kind === 'string') return value.kind;
  return typeof value.metricId === 'string' ? 'Observation' : 'Relationship';
}

@InterfaceType('Node', {
  description:
    'Anything `node(id:)` finds again by its id (Relay Object Identification): every entity (`usmca`), relationship (`from:TYPE:to`, with `@validFrom` when dated) and observation (`metric@period`, with `[key=value]` dimensions).',
  resolveType: resolveNodeType,
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique id; `node(id:)` returns this object for it.' })
  id!: string;
}
