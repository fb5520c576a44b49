import { Field, Int, ObjectType } from 'type-graphql';
import { NodeKind } from '../../domain';

@ObjectType({ simpleResolvers: true, description: 'How many entities of one kind the graph holds.' })
export class KindCount {
  @Field(() => NodeKind, { description: 'The kind.' })
  kind!: NodeKind;

  @Field(() => Int, { description: 'How many entities of that kind.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The dataset being served: its version and size.' })
export class DatasetInfo {
  @Field(() => String, {
    description:
      'Digest of the content of the live graph (every live entity, relationship and observation, canonically serialised): the same data has the same version, and every curated change gives a new one. Cite it to pin the data you used.',
  })
  version!: string;

  @Field(() => [KindCount], { description: 'Entities per kind.' })
  nodes!: KindCount[];

  @Field(() => Int, { description: 'Number of relationships.' })
  relationships!: number;

  @Field(() => Int, { description: 'Number of metric observations.' })
  observations!: number;
}
