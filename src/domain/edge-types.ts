import { NodeKind } from './kinds';

/** The closed set of relationship types. Direction is always `from → to` as documented. */
export enum EdgeType {
  ADDRESSES = 'ADDRESSES',
  PARTY_TO = 'PARTY_TO',
  PARTICIPATED_IN = 'PARTICIPATED_IN',
  REPLACES = 'REPLACES',
  ESTABLISHED_BY = 'ESTABLISHED_BY',
  PART_OF = 'PART_OF',
  LEADS = 'LEADS',
  MEMBER_OF = 'MEMBER_OF',
  AFFECTS = 'AFFECTS',
  MAY_VIOLATE = 'MAY_VIOLATE',
  MEASURES = 'MEASURES',
  LED_TO = 'LED_TO',
  BROADER = 'BROADER',
  PROPOSED_BY = 'PROPOSED_BY',
  IMPLEMENTS = 'IMPLEMENTS',
  FUNDS = 'FUNDS',
  CONCERNED_ABOUT = 'CONCERNED_ABOUT',
  SUPPORTS = 'SUPPORTS',
}

export const EDGE_TYPES: readonly EdgeType[] = Object.values(EdgeType);

export interface EdgeRule {
  /** What the edge states, read `from <verb> to`. */
  readonly description: string;
  readonly from: readonly NodeKind[];
  readonly to: readonly NodeKind[];
  /**
   * A hierarchy or a succession: no chain of edges of this type may lead back to where it
   * started (the seed checker and curation refuse a cycle). Self-loops are refused for every type.
   */
  readonly acyclic?: boolean;
}

const { Actor, Policy, Agreement, Dialogue, Event, Topic, Metric } = NodeKind;
const SUBSTANTIVE = [Actor, Policy, Agreement, Dialogue, Event, Topic] as const;

/** Which kinds each edge type may join. Anything not listed is rejected by seed validation. */
export const EDGE_RULES: Readonly<Record<EdgeType, EdgeRule>> = {
  ADDRESSES: {
    description: 'a dialogue, policy, agreement, event or actor works on a topic',
    from: [Dialogue, Policy, Agreement, Event, Actor],
    to: [Topic],
  },
  PARTY_TO: {
    description: 'an actor is a party to an agreement or a member of a dialogue',
    from: [Actor],
    to: [Agreement, Dialogue],
  },
  PARTICIPATED_IN: {
    description: 'an actor took part in an event',
    from: [Actor],
    to: [Event],
  },
  REPLACES: {
    description: 'a newer agreement, policy or dialogue supersedes an older one',
    from: [Agreement, Policy, Dialogue],
    to: [Agreement, Policy, Dialogue],
    acyclic: true,
  },
  ESTABLISHED_BY: {
    description: 'something was created by an actor, event, dialogue, agreement or policy',
    from: [Policy, Dialogue, Agreement, Actor, Event],
    to: [Actor, Event, Dialogue, Agreement, Policy],
  },
  PART_OF: {
    description: 'a component belongs to a larger whole (a provision of an agreement, a state of a country, a summit of a dialogue)',
    from: [Policy, Actor, Event, Dialogue, Topic],
    to: [Policy, Agreement, Dialogue, Actor, Event],
    acyclic: true,
  },
  LEADS: {
    description: 'a person or body heads a country, body, party, policy or dialogue',
    from: [Actor],
    to: [Actor, Policy, Dialogue],
  },
  MEMBER_OF: {
    description: 'an actor belongs to an organization, party, coalition or region',
    from: [Actor],
    to: [Actor],
  },
  AFFECTS: {
    description: 'a policy, event, agreement, actor or topic has an effect on something',
    from: [...SUBSTANTIVE],
    to: [...SUBSTANTIVE],
  },
  MAY_VIOLATE: {
    description: 'a policy or action is alleged to breach an agreement',
    from: [Policy, Event],
    to: [Agreement],
  },
  MEASURES: {
    description: 'a metric is an indicator of a topic, actor or other entity',
    from: [Metric],
    to: [...SUBSTANTIVE],
  },
  LED_TO: {
    description: 'an event, policy or agreement caused or prompted another',
    from: [Event, Policy, Agreement, Dialogue],
    to: [Event, Policy, Agreement, Dialogue],
  },
  BROADER: {
    description: 'a narrower topic sits under a broader one (fentanyl BROADER illicit drugs)',
    from: [Topic],
    to: [Topic],
    acyclic: true,
  },
  PROPOSED_BY: {
    description: 'a policy, agreement or dialogue was proposed, launched or sponsored by an actor',
    from: [Policy, Agreement, Dialogue],
    to: [Actor],
  },
  IMPLEMENTS: {
    description: 'a policy or plan puts an agreement, framework or dialogue into practice',
    from: [Policy, Dialogue, Actor],
    to: [Agreement, Policy, Dialogue],
  },
  FUNDS: {
    description: 'an actor appropriates or provides money for a policy or program',
    from: [Actor],
    to: [Policy, Agreement, Dialogue],
  },
  CONCERNED_ABOUT: {
    description: 'an actor has voiced concern about a policy, agreement, event or topic',
    from: [Actor],
    to: [Policy, Agreement, Event, Topic, Actor],
  },
  SUPPORTS: {
    description: 'something complements or advances another policy, agreement, dialogue or topic',
    from: [Policy, Dialogue, Agreement, Actor, Event],
    to: [Policy, Dialogue, Agreement, Topic],
  },
};

/** The edge types whose edges may form no cycle (hierarchies and successions). */
export const ACYCLIC_EDGE_TYPES: readonly EdgeType[] = EDGE_TYPES.filter((t) => EDGE_RULES[t].acyclic === true);

export function isEdgeAllowed(type: EdgeType, from: NodeKind, to: NodeKind): boolean {
  const rule = EDGE_RULES[type];
  return rule.from.includes(from) && rule.to.includes(to);
}
