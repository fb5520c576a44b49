import { Field, Int, ObjectType } from 'type-graphql';
import { ActorType, AgreementType, DialogueType, EventType, PolicyType, Unit } from '../../domain';
import { PartialDateScalar } from '../scalars';
import { Entity } from './entity.interface';

// One object type per node kind. Relationship fields (parties, addresses, replacedBy …) are
// added by the resolvers in ../resolvers, which load them through the per-request DataLoaders.

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A country, person, government body, organization, company, party, criminal network, region, sub-national state or population group.',
})
export class Actor extends Entity {
  @Field(() => ActorType, { description: 'What sort of actor this is.' })
  type!: ActorType;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was founded or created, if the sources say.' })
  established!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it ceased to exist, if it has.' })
  ended!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A program, initiative, strategy, framework, reform, law, plan, project, treaty provision or stated goal.',
})
export class Policy extends Entity {
  @Field(() => PolicyType, { description: 'What sort of policy this is.' })
  type!: PolicyType;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was first set up.' })
  established!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was launched (or relaunched).' })
  launched!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it ended or was replaced.' })
  ended!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A treaty or accord between governments, such as NAFTA or the USMCA.' })
export class Agreement extends Entity {
  @Field(() => AgreementType, { nullable: true, description: 'The field the agreement covers.' })
  type!: AgreementType | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was signed.' })
  signed!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it entered into force.' })
  inForce!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it stopped being in force.' })
  ended!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A standing bilateral or trilateral mechanism: the HLSD, the HLED, the North American Leaders Summit …',
})
export class Dialogue extends Entity {
  @Field(() => DialogueType, { nullable: true, description: 'Bilateral or trilateral.' })
  type!: DialogueType | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When the mechanism was first set up.' })
  established!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was launched (or relaunched).' })
  launched!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it was abandoned, if it was.' })
  ended!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'Something that happened at a date: an election, summit, visit, arrest, signing, entry into force, announcement …',
})
export class Event extends Entity {
  @Field(() => EventType, { description: 'What sort of event this is.' })
  type!: EventType;

  @Field(() => PartialDateScalar, { nullable: true, description: 'When it happened, to the precision the sources give.' })
  date!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A subject of the relationship (trade, migration, fentanyl …), arranged in a broader/narrower hierarchy.',
})
export class Topic extends Entity {}

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'An indicator measured over time (trade value, apprehensions, overdose deaths …) with its observations.',
})
export class Metric extends Entity {
  @Field(() => Unit, { description: 'The unit its observations are usually stated in.' })
  unit!: Unit;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A publication that the briefing deck credits, or the deck itself.' })
export class Source extends Entity {
  @Field(() => String, { description: 'The title as the deck credits it (same as `name`).' })
  title!: string;

  @Field(() => [Int], { description: 'The deck slides on which this publication is credited.' })
  slides!: number[];

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publisher!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of publication, where the deck gives one.' })
  year!: number | null;
}
