import { NODE_KINDS, type GraphNode } from '../../src/domain';
import { EntityView, entityView } from '../../src/graphql/views';
import { loadSeeds } from '../../src/seed';

// graphql-js reads `then` and the selected fields of every item it completes; views of one shape
// keep those reads monomorphic (bench/notes/inprocess.md). Own keys in one order is what gives
// objects of one class one hidden class.
describe('entityView', () => {
  const nodes = loadSeeds('seeds').nodes;

  it('gives every node, of every kind and with any dates, the same fields in the same order', () => {
    const kinds = new Set(nodes.map((n) => n.kind));
    expect([...kinds].sort()).toEqual([...NODE_KINDS].sort());
    const shapes = new Set(nodes.map((n) => Object.keys(entityView(n)).join(',')));
    expect([...shapes]).toHaveLength(1);
    expect(entityView(nodes[0])).toBeInstanceOf(EntityView);
  });

  it('flattens the dates, keeps the subtype and titles a Source', () => {
    const dated = nodes.find((n) => n.dates.signed !== undefined && n.dates.inForce !== undefined)!;
    const view = entityView(dated);
    expect(view).toMatchObject({ id: dated.id, signed: dated.dates.signed, inForce: dated.dates.inForce, date: null, subtype: dated.type, title: null });
    const source = nodes.find((n) => n.kind === 'Source')!;
    expect(entityView(source).title).toBe(source.name);
  });

  it('lists the approximate dates with the date each qualifies', () => {
    const approximate = nodes.find((n) => n.dateQualifiers && Object.keys(n.dateQualifiers).length > 0) as GraphNode;
    const [role, qualifier] = Object.entries(approximate.dateQualifiers!)[0];
    expect(entityView(approximate).approximateDates).toContainEqual({ role, qualifier, date: approximate.dates[role as keyof GraphNode['dates']] });
    expect(entityView(nodes.find((n) => !n.dateQualifiers)!).approximateDates).toEqual([]);
  });

  it('is made once per node object', () => {
    expect(entityView(nodes[1])).toBe(entityView(nodes[1]));
  });
});
