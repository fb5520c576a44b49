import { Arg, type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EdgeType, NodeKind } from '../../domain';
import type { Context } from '../context';
import { dayOf } from '../dates';
import { VALID_AT_DESCRIPTION } from '../inputs/relationships.args';
import { PartialDateScalar } from '../scalars';
import { Entity } from '../types/entity.interface';
import { Actor, Agreement, Dialogue, Event, Metric, Policy, Topic } from '../types/kinds.types';
import type { EntityView } from '../views';
import { related } from './related';

/** A typed relationship field: `owner.name` lists the entities across `type` edges in `direction`. */
interface RelationField {
  readonly name: string;
  readonly type: EdgeType;
  readonly direction: 'OUT' | 'IN';
  /** Kinds kept at the other end; narrowing to one kind lets the field return that type. */
  readonly kinds?: readonly NodeKind[];
  readonly returns: ClassType | (abstract new () => unknown);
  readonly description: string;
}

const { Actor: A, Agreement: Ag, Dialogue: D, Event: E, Policy: P, Topic: T, Metric: M } = NodeKind;
const f = (
  name: string,
  type: EdgeType,
  direction: 'OUT' | 'IN',
  returns: RelationField['returns'],
  description: string,
  kinds?: readonly NodeKind[],
): RelationField => ({ name, type, direction, returns, description, kinds });

/**
 * The typed relationship fields of every kind, as data. Each becomes a field resolver that
 * goes through the request's relationship loader; `relationships(...)` on Entity covers the rest.
 */
export const RELATION_FIELDS: ReadonlyArray<readonly [ClassType, readonly RelationField[]]> = [
  [
    Actor,
    [
      f('leads', EdgeType.LEADS, 'OUT', Entity, 'Countries, bodies, parties, policies or dialogues this actor heads (LEADS).'),
      f('ledBy', EdgeType.LEADS, 'IN', Actor, 'Who heads this actor (LEADS, incoming).', [A]),
      f('memberOf', EdgeType.MEMBER_OF, 'OUT', Actor, 'Organizations, parties, coalitions or regions this actor belongs to (MEMBER_OF).', [A]),
      f('members', EdgeType.MEMBER_OF, 'IN', Actor, 'Actors that belong to this one (MEMBER_OF, incoming).', [A]),
      f('partyTo', EdgeType.PARTY_TO, 'OUT', Entity, 'Agreements and dialogues this actor is a party to (PARTY_TO).'),
      f('participatedIn', EdgeType.PARTICIPATED_IN, 'OUT', Event, 'Events this actor took part in (PARTICIPATED_IN).', [E]),
      f('partOf', EdgeType.PART_OF, 'OUT', Entity, 'What this actor is part of, e.g. the country of a state (PART_OF).'),
      f('parts', EdgeType.PART_OF, 'IN', Entity, 'The parts of this actor, e.g. the states of a country (PART_OF, incoming).'),
      f('concernedAbout', EdgeType.CONCERNED_ABOUT, 'OUT', Entity, 'What this actor has voiced concern about (CONCERNED_ABOUT).'),
      f('funds', EdgeType.FUNDS, 'OUT', Entity, 'Policies and programs this actor funds (FUNDS).'),
      f('proposed', EdgeType.PROPOSED_BY, 'IN', Entity, 'Policies, agreements and dialogues this actor proposed or launched (PROPOSED_BY, incoming).'),
      f('addresses', EdgeType.ADDRESSES, 'OUT', Topic, 'Topics this actor works on (ADDRESSES).', [T]),
      f('affectedBy', EdgeType.AFFECTS, 'IN', Entity, 'Policies, events and agreements that affect this actor (AFFECTS, incoming).'),
    ],
  ],
  [
    Policy,
    [
      f('addresses', EdgeType.ADDRESSES, 'OUT', Topic, 'Topics this policy addresses (ADDRESSES).', [T]),
      f('replaces', EdgeType.REPLACES, 'OUT', Policy, 'Policies this one supersedes (REPLACES).', [P]),
      f('replacedBy', EdgeType.REPLACES, 'IN', Policy, 'Policies that supersede this one (REPLACES, incoming).', [P]),
      f('establishedBy', EdgeType.ESTABLISHED_BY, 'OUT', Entity, 'The actor, event, dialogue or agreement that created this policy (ESTABLISHED_BY).'),
      f('proposedBy', EdgeType.PROPOSED_BY, 'OUT', Actor, 'Who proposed or launched this policy (PROPOSED_BY).', [A]),
      f('partOf', EdgeType.PART_OF, 'OUT', Entity, 'The agreement, policy or dialogue this is a component of (PART_OF).'),
      f('parts', EdgeType.PART_OF, 'IN', Entity, 'Components of this policy: goals, pillars, programs (PART_OF, incoming).'),
      f('implements', EdgeType.IMPLEMENTS, 'OUT', Entity, 'What this policy puts into practice (IMPLEMENTS).'),
      f('implementedBy', EdgeType.IMPLEMENTS, 'IN', Entity, 'What puts this policy into practice (IMPLEMENTS, incoming).'),
      f('mayViolate', EdgeType.MAY_VIOLATE, 'OUT', Agreement, 'Agreements this policy is alleged to breach (MAY_VIOLATE).', [Ag]),
      f('affects', EdgeType.AFFECTS, 'OUT', Entity, 'What this policy affects (AFFECTS).'),
      f('fundedBy', EdgeType.FUNDS, 'IN', Actor, 'Who funds this policy (FUNDS, incoming).', [A]),
      f('ledTo', EdgeType.LED_TO, 'OUT', Entity, 'What this policy led to (LED_TO).'),
      f('supports', EdgeType.SUPPORTS, 'OUT', Entity, 'Policies, agreements, dialogues or topics this policy advances (SUPPORTS).'),
    ],
  ],
  [
    Agreement,
    [
      f('parties', EdgeType.PARTY_TO, 'IN', Actor, 'The parties to this agreement (PARTY_TO, incoming).', [A]),
      f('replaces', EdgeType.REPLACES, 'OUT', Agreement, 'Agreements this one supersedes (REPLACES).', [Ag]),
      f('replacedBy', EdgeType.REPLACES, 'IN', Agreement, 'Agreements that supersede this one (REPLACES, incoming).', [Ag]),
      f('addresses', EdgeType.ADDRESSES, 'OUT', Topic, 'Topics this agreement covers (ADDRESSES).', [T]),
      f('provisions', EdgeType.PART_OF, 'IN', Policy, 'Provisions and chapters of this agreement (PART_OF, incoming).', [P]),
      f('events', EdgeType.PART_OF, 'IN', Event, 'Events in the life of this agreement: signing, ratification, entry into force (PART_OF, incoming).', [E]),
      f('allegedViolations', EdgeType.MAY_VIOLATE, 'IN', Entity, 'Policies or actions alleged to breach this agreement (MAY_VIOLATE, incoming).'),
      f('implementedBy', EdgeType.IMPLEMENTS, 'IN', Entity, 'Policies and dialogues that put this agreement into practice (IMPLEMENTS, incoming).'),
      f('supportedBy', EdgeType.SUPPORTS, 'IN', Entity, 'Dialogues, policies and actors that complement or advance this agreement (SUPPORTS, incoming).'),
      f('concernedActors', EdgeType.CONCERNED_ABOUT, 'IN', Actor, 'Actors that voiced concern about this agreement (CONCERNED_ABOUT, incoming).', [A]),
    ],
  ],
  [
    Dialogue,
    [
      f('members', EdgeType.PARTY_TO, 'IN', Actor, 'The governments taking part in this dialogue (PARTY_TO, incoming).', [A]),
      f('addresses', EdgeType.ADDRESSES, 'OUT', Topic, 'Topics this dialogue works on (ADDRESSES).', [T]),
      f('meetings', EdgeType.PART_OF, 'IN', Event, 'Summits and meetings of this dialogue (PART_OF, incoming).', [E]),
      f('parts', EdgeType.PART_OF, 'IN', Entity, 'Pillars, working groups and other components of this dialogue (PART_OF, incoming).'),
      f('outcomes', EdgeType.ESTABLISHED_BY, 'IN', Entity, 'Frameworks, plans and mechanisms this dialogue created (ESTABLISHED_BY, incoming).'),
      f('replaces', EdgeType.REPLACES, 'OUT', Dialogue, 'Dialogues this one supersedes (REPLACES).', [D]),
      f('replacedBy', EdgeType.REPLACES, 'IN', Dialogue, 'Dialogues that supersede this one (REPLACES, incoming).', [D]),
      f('supports', EdgeType.SUPPORTS, 'OUT', Entity, 'Agreements, policies or topics this dialogue complements or advances (SUPPORTS).'),
    ],
  ],
  [
    Event,
    [
      f('participants', EdgeType.PARTICIPATED_IN, 'IN', Actor, 'Actors that took part (PARTICIPATED_IN, incoming).', [A]),
      f('partOf', EdgeType.PART_OF, 'OUT', Entity, 'The agreement, dialogue or larger event this belongs to (PART_OF).'),
      f('ledTo', EdgeType.LED_TO, 'OUT', Entity, 'What this event led to (LED_TO).'),
      f('causedBy', EdgeType.LED_TO, 'IN', Entity, 'What led to this event (LED_TO, incoming).'),
      f('addresses', EdgeType.ADDRESSES, 'OUT', Topic, 'Topics this event dealt with (ADDRESSES).', [T]),
      f('affects', EdgeType.AFFECTS, 'OUT', Entity, 'What this event affected (AFFECTS).'),
      f('outcomes', EdgeType.ESTABLISHED_BY, 'IN', Entity, 'What this event created (ESTABLISHED_BY, incoming).'),
    ],
  ],
  [
    Topic,
    [
      f('broader', EdgeType.BROADER, 'OUT', Topic, 'Broader topics this one sits under (BROADER).', [T]),
      f('narrower', EdgeType.BROADER, 'IN', Topic, 'Narrower topics under this one (BROADER, incoming).', [T]),
      f('measuredBy', EdgeType.MEASURES, 'IN', Metric, 'Metrics that measure this topic (MEASURES, incoming).', [M]),
    ],
  ],
  [Metric, [f('measures', EdgeType.MEASURES, 'OUT', Entity, 'What this metric is an indicator of (MEASURES).')]],
];

/** Turns the table into type-graphql resolver classes (decorators applied as functions). */
export function relationResolvers(): Function[] {
  return RELATION_FIELDS.map(([owner, fields]) => {
    const Generated = class {};
    Object.defineProperty(Generated, 'name', { value: `${owner.name}RelationsResolver` });
    for (const field of fields) {
      const method = function (root: EntityView, ctx: Context, validAt?: string | null): Promise<EntityView[]> {
        return related(ctx, root.id, field.type, field.direction, field.kinds, dayOf(validAt));
      };
      Object.defineProperty(Generated.prototype, field.name, { value: method, writable: true, configurable: true });
      Root()(Generated.prototype, field.name, 0);
      Ctx()(Generated.prototype, field.name, 1);
      Arg('validAt', () => PartialDateScalar, { nullable: true, description: VALID_AT_DESCRIPTION })(Generated.prototype, field.name, 2);
      const descriptor = Object.getOwnPropertyDescriptor(Generated.prototype, field.name)!;
      FieldResolver(() => [field.returns], { description: field.description })(Generated.prototype, field.name, descriptor);
    }
    Resolver(() => owner)(Generated);
    return Generated;
  });
}
