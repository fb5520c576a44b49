import { type ClassType, Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page; pass it as `before` for the previous page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** How a connection's descriptions name its items; entities unless said otherwise. */
export interface ConnectionWording {
  /** Plural, as in "How many relationships match …". */
  readonly items: string;
  /** The edge's `node` field. */
  readonly node: string;
}

/** Builds a Relay connection type `<Name>Connection` with `<Name>Edge` for a node type. */
export function Connection<T extends object>(name: string, nodeType: ClassType<T> | (abstract new () => T), wording?: ConnectionWording) {
  const items = wording?.items ?? 'entities';
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `An edge of a ${name} connection.` })
  class EdgeClass {
    @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after` to continue after it, or as `before` to page back from it.' })
    cursor!: string;

    @Field(() => nodeType, { description: wording?.node ?? 'The entity.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${wording ? items : `${name} entities`} (Relay connection).` })
  class ConnectionClass {
    @Field(() => [EdgeClass], { description: `The ${items} of this page with their cursors.` })
    edges!: EdgeClass[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${items} match the filter in all pages.` })
    totalCount!: number;
  }
  return ConnectionClass;
}
