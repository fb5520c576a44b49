import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import './enums';
import { CitationResolver } from './resolvers/citation.resolver';
import { CurationResolver } from './resolvers/curation.resolver';
import { EntityResolver } from './resolvers/entity.resolver';
import { MetricResolver } from './resolvers/metric.resolver';
import { DimensionResolver, ObservationResolver } from './resolvers/observation.resolver';
import { QueryResolver } from './resolvers/query.resolver';
import { ResearchResolver } from './resolvers/research.resolver';
import { relationResolvers } from './resolvers/relation-fields';
import { TimelineResolver } from './resolvers/timeline.resolver';
import { TopicResolver } from './resolvers/topic.resolver';
import { GraphResolver } from './resolvers/graph.resolver';
import { RelationshipResolver } from './resolvers/relationship.resolver';
import { RelationshipsConnectionResolver } from './resolvers/relationships-connection.resolver';
import { SourceResolver } from './resolvers/source.resolver';
import { validateArgument } from './argument-validation';
import { Actor, Agreement, Dialogue, Event, Metric, Policy, Source, Topic } from './types/kinds.types';

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the executable schema once per process (type-graphql metadata is global). */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      QueryResolver,
      CurationResolver,
      ResearchResolver,
      TimelineResolver,
      EntityResolver,
      CitationResolver,
      TopicResolver,
      MetricResolver,
      ObservationResolver,
      DimensionResolver,
      GraphResolver,
      RelationshipResolver,
      RelationshipsConnectionResolver,
      SourceResolver,
      ...relationResolvers(),
    ] as unknown as [Function, ...Function[]],
    orphanedTypes: [Actor, Policy, Agreement, Dialogue, Event, Topic, Metric, Source],
    // Every argument's class-validator rules, a passed value remembered (argument-validation.ts).
    validateFn: validateArgument,
  }).then((schema) => {
    // type-graphql has no option for the root type's description; Sandbox shows it first.
    Object.assign(schema.getQueryType()!, {
      description:
        'usmx-graph: actors, policies, agreements, dialogues, events, topics, metrics and their sources in U.S.–Mexico relations. Start with `search`, `entity(id:)` or a typed list such as `dialogues(filter: { addresses: "fentanyl" })`.',
    });
    Object.assign(schema.getMutationType()!, {
      description:
        "Curation: writes need `Authorization: Bearer <curator token>` (UNAUTHENTICATED without; FORBIDDEN when the server has no CURATOR_TOKENS). Each change cites `sources` and is checked by the seed checker's rules.",
    });
    return schema;
  });
  return cached;
}
