import { Connection } from './connection.type';
import { Relationship } from './entity.interface';

export const RelationshipConnection = Connection('Relationship', Relationship, {
  items: 'relationships',
  node: 'The relationship, with its ends (`start`, `end`), dates, note and citations.',
});
