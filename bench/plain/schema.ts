/**
 * The baseline of the in-process and HTTP comparisons: a plain graphql-js 16 schema
 * (`GraphQLObjectType` and friends, hand-written resolvers; no type-graphql, no class-validator)
 * over the same `GraphStore` port, implementing exactly the subset of our public schema
 * (schema/schema.graphql) that the reference queries in bench/queries.ts use — same type, field
 * and argument names, same answers (ordering, scores, pagination shapes).
 *
 * It is written as a competent engineer would hand-write it, so the comparison measures what our
 * framework costs and not a straw man:
 * - per-request DataLoaders for nodes and relationships (DataLoader's default batching), so each
 *   nesting level is one store call, as in ours (bench/inprocess checks the call counts agree);
 * - scalar fields use graphql-js's default resolver (plain property access on the domain node);
 * - arguments are checked by hand where ours checks them (`first` range, search text, the topic
 *   ids of `filter.addresses`), with no validation framework;
 * - cursors and pageInfo are computed only when asked for;
 * - nothing is cached across requests (a fresh context per operation, as ours).
 */
import DataLoader from 'dataloader';
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLError,
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
  type GraphQLOutputType,
} from 'graphql';
import { ActorType, DialogueType, EdgeType, NodeKind, type GraphNode, type GraphStore, type RelationshipHit, type RelationshipQuery } from '../../src/domain';

/** What the plain resolvers receive: the store and this request's loaders. */
export interface PlainContext {
  readonly store: GraphStore;
  readonly nodes: DataLoader<string, GraphNode | null>;
  readonly relationships: DataLoader<RelationshipQuery, RelationshipHit[], string>;
}

/** A fresh context per operation (no caching across requests). */
export function createPlainContext(store: GraphStore): PlainContext {
  return {
    store,
    nodes: new DataLoader((ids) => store.getNodesByIds(ids)),
    relationships: new DataLoader((queries) => store.getRelationships(queries), {
      cacheKeyFn: (q) => `${q.nodeId}|${q.direction}|${(q.types ?? []).join(',')}|${(q.kinds ?? []).join(',')}`,
    }),
  };
}

const MAX_PAGE_SIZE = 100;

function badInput(argument: string, expected: string, received: unknown): GraphQLError {
  return new GraphQLError(`${argument}: expected ${expected}, received ${JSON.stringify(received)}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

function checkFirst(first: number): void {
  if (first < 1 || first > MAX_PAGE_SIZE) throw badInput('first', `an integer from 1 to ${MAX_PAGE_SIZE}`, first);
}

// ── Cursors: the same opaque encoding as ours (base64url of `offset:<n>`) ─────────────────────

const CURSOR_PREFIX = 'offset:';

function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0 || encodeCursor(offset) !== cursor) {
    throw badInput('after', 'a cursor returned in pageInfo.endCursor or edges.cursor', cursor);
  }
  return offset;
}

/** A page as the connection resolvers see it; cursors and pageInfo are derived on demand. */
interface Page {
  readonly nodes: readonly GraphNode[];
  readonly offset: number;
  readonly totalCount: number;
}

interface Edge {
  readonly node: GraphNode;
  readonly offset: number;
}

// ── Enums ──────────────────────────────────────────────────────────────────────────────────────

function enumOf(name: string, values: Record<string, string>): GraphQLEnumType {
  return new GraphQLEnumType({ name, values: Object.fromEntries(Object.values(values).map((v) => [v, { value: v }])) });
}

const NodeKindEnum = enumOf('NodeKind', NodeKind);
const ActorTypeEnum = enumOf('ActorType', ActorType);
const DialogueTypeEnum = enumOf('DialogueType', DialogueType);

// ── Entities ───────────────────────────────────────────────────────────────────────────────────

const nonNull = <T extends GraphQLOutputType>(type: T) => new GraphQLNonNull(type);
const listOf = <T extends GraphQLOutputType>(type: T) => nonNull(new GraphQLList(nonNull(type)));

/** The fields every entity has; plain property access (graphql-js's default resolver). */
const entityFields = (): GraphQLFieldConfigMap<GraphNode, PlainContext> => ({
  id: { type: nonNull(GraphQLID) },
  kind: { type: nonNull(NodeKindEnum) },
  name: { type: nonNull(GraphQLString) },
});

const EntityInterface: GraphQLInterfaceType = new GraphQLInterfaceType({
  name: 'Entity',
  fields: entityFields,
  resolveType: (node: GraphNode) => node.kind,
});

/**
 * The distinct entities across one node's edges of one type and direction (an entity reached by
 * several edges appears once), through the request's relationship loader.
 */
async function related(ctx: PlainContext, nodeId: string, type: EdgeType, direction: 'OUT' | 'IN', kinds: readonly NodeKind[]): Promise<GraphNode[]> {
  const hits = await ctx.relationships.load({ nodeId, direction, types: [type], kinds });
  if (hits.length <= 1) return hits.map((h) => h.other);
  const seen = new Set<string>();
  const out: GraphNode[] = [];
  for (const h of hits) {
    if (!seen.has(h.other.id)) {
      seen.add(h.other.id);
      out.push(h.other);
    }
  }
  return out;
}

function relation(
  type: () => GraphQLOutputType,
  edge: EdgeType,
  direction: 'OUT' | 'IN',
  kinds: readonly NodeKind[] = [],
): GraphQLFieldConfig<GraphNode, PlainContext> {
  return { type: listOf(type()), resolve: (node, _args, ctx) => related(ctx, node.id, edge, direction, kinds) };
}

function entityType(name: NodeKind, fields: () => GraphQLFieldConfigMap<GraphNode, PlainContext> = () => ({})): GraphQLObjectType<GraphNode, PlainContext> {
  return new GraphQLObjectType<GraphNode, PlainContext>({ name, interfaces: [EntityInterface], fields: () => ({ ...entityFields(), ...fields() }) });
}

const TopicType: GraphQLObjectType<GraphNode, PlainContext> = entityType(NodeKind.Topic, () => ({
  addressedBy: relation(() => EntityInterface, EdgeType.ADDRESSES, 'IN'),
}));

const ActorObject: GraphQLObjectType<GraphNode, PlainContext> = entityType(NodeKind.Actor, () => ({
  type: { type: nonNull(ActorTypeEnum) },
  memberOf: relation(() => ActorObject, EdgeType.MEMBER_OF, 'OUT', [NodeKind.Actor]),
  partyTo: relation(() => EntityInterface, EdgeType.PARTY_TO, 'OUT'),
  addresses: relation(() => TopicType, EdgeType.ADDRESSES, 'OUT', [NodeKind.Topic]),
}));

const DialogueObject = entityType(NodeKind.Dialogue, () => ({
  type: { type: DialogueTypeEnum },
  addresses: relation(() => TopicType, EdgeType.ADDRESSES, 'OUT', [NodeKind.Topic]),
}));

const PolicyObject = entityType(NodeKind.Policy, () => ({
  addresses: relation(() => TopicType, EdgeType.ADDRESSES, 'OUT', [NodeKind.Topic]),
}));

/** The kinds the queries reach only through `Entity` (they must exist for `__typename` resolution). */
const otherKinds = [NodeKind.Agreement, NodeKind.Event, NodeKind.Metric, NodeKind.Source].map((kind) => entityType(kind));

// ── Connections ────────────────────────────────────────────────────────────────────────────────

const PageInfoType = new GraphQLObjectType<Page, PlainContext>({
  name: 'PageInfo',
  fields: {
    hasNextPage: { type: nonNull(GraphQLBoolean), resolve: (p) => p.offset + p.nodes.length < p.totalCount },
    hasPreviousPage: { type: nonNull(GraphQLBoolean), resolve: (p) => p.offset > 0 },
    startCursor: { type: GraphQLString, resolve: (p) => (p.nodes.length > 0 ? encodeCursor(p.offset) : null) },
    endCursor: { type: GraphQLString, resolve: (p) => (p.nodes.length > 0 ? encodeCursor(p.offset + p.nodes.length - 1) : null) },
  },
});

function connectionType(node: GraphQLObjectType<GraphNode, PlainContext>): GraphQLObjectType<Page, PlainContext> {
  const edge = new GraphQLObjectType<Edge, PlainContext>({
    name: `${node.name}Edge`,
    fields: {
      cursor: { type: nonNull(GraphQLString), resolve: (e) => encodeCursor(e.offset) },
      node: { type: nonNull(node) },
    },
  });
  return new GraphQLObjectType<Page, PlainContext>({
    name: `${node.name}Connection`,
    fields: {
      edges: { type: listOf(edge), resolve: (p): Edge[] => p.nodes.map((n, i) => ({ node: n, offset: p.offset + i })) },
      pageInfo: { type: nonNull(PageInfoType), resolve: (p) => p },
      totalCount: { type: nonNull(GraphQLInt) },
    },
  });
}

const EntityFilterInput = new GraphQLInputObjectType({
  name: 'EntityFilter',
  fields: { addresses: { type: new GraphQLList(new GraphQLNonNull(GraphQLID)) } },
});

interface ListArgs {
  first: number;
  after?: string | null;
  filter?: { addresses?: string[] | null } | null;
}

const listArgs = {
  first: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 20 },
  after: { type: GraphQLString },
  filter: { type: EntityFilterInput },
};

/** One typed list: checks the arguments (the filter's topic ids through the node loader), then one findNodes. */
async function list(ctx: PlainContext, kind: NodeKind, args: ListArgs): Promise<Page> {
  checkFirst(args.first);
  const offset = args.after == null ? 0 : decodeCursor(args.after) + 1;
  const addresses = args.filter?.addresses ?? undefined;
  if (addresses && addresses.length > 0) {
    const topics = await ctx.nodes.loadMany(addresses);
    topics.forEach((t, i) => {
      if (t === null || t instanceof Error || t.kind !== NodeKind.Topic) throw badInput('filter.addresses', 'the id of a Topic', addresses[i]);
    });
  }
  const page = await ctx.store.findNodes({ kinds: [kind], filter: addresses ? { addresses } : undefined, offset, limit: args.first });
  return { nodes: page.nodes, offset, totalCount: page.totalCount };
}

// ── Query ──────────────────────────────────────────────────────────────────────────────────────

const SearchResultType = new GraphQLObjectType<{ score: number; node: GraphNode }, PlainContext>({
  name: 'SearchResult',
  fields: {
    score: { type: nonNull(GraphQLFloat) },
    entity: { type: nonNull(EntityInterface), resolve: (hit) => hit.node },
  },
});

const QueryType = new GraphQLObjectType<unknown, PlainContext>({
  name: 'Query',
  fields: {
    entity: {
      type: EntityInterface,
      args: { id: { type: new GraphQLNonNull(GraphQLID) } },
      resolve: (_root, args: { id: string }, ctx) => ctx.nodes.load(args.id),
    },
    search: {
      type: listOf(SearchResultType),
      args: { query: { type: new GraphQLNonNull(GraphQLString) }, first: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 10 } },
      resolve: (_root, args: { query: string; first: number }, ctx) => {
        if (args.query.length > 200) throw badInput('query', 'at most 200 characters', args.query.length);
        checkFirst(args.first);
        const text = args.query.trim();
        if (text === '') throw badInput('query', 'at least one word', args.query);
        return ctx.store.search({ text, kinds: [], limit: args.first });
      },
    },
    actors: { type: nonNull(connectionType(ActorObject)), args: listArgs, resolve: (_root, args: ListArgs, ctx) => list(ctx, NodeKind.Actor, args) },
    dialogues: { type: nonNull(connectionType(DialogueObject)), args: listArgs, resolve: (_root, args: ListArgs, ctx) => list(ctx, NodeKind.Dialogue, args) },
  },
});

/** The plain schema (built once per process; it holds no data). */
export const plainSchema = new GraphQLSchema({
  query: QueryType,
  types: [ActorObject, DialogueObject, PolicyObject, TopicType, ...otherKinds],
});
