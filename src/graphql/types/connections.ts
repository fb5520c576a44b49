import { Entity } from './entity.interface';
import { Actor, Agreement, Dialogue, Event, Metric, Policy, Source, Topic } from './kinds.types';
import { Connection } from './connection.type';

export const EntityConnection = Connection('Entity', Entity);
export const ActorConnection = Connection('Actor', Actor);
export const PolicyConnection = Connection('Policy', Policy);
export const AgreementConnection = Connection('Agreement', Agreement);
export const DialogueConnection = Connection('Dialogue', Dialogue);
export const EventConnection = Connection('Event', Event);
export const TopicConnection = Connection('Topic', Topic);
export const MetricConnection = Connection('Metric', Metric);
export const SourceConnection = Connection('Source', Source);
