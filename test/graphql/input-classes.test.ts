import { getMetadataStorage } from 'type-graphql';
import { createSchema } from '../../src/graphql/schema';

/*
 * Args and input classes declare their fields (`declare first?: …`): an instance starts with no
 * own properties. type-graphql converts arguments to instances on every call by constructing one,
 * deleting each own field that did not arrive and assigning the rest; with fields defined by the
 * constructor (ES2022 class fields) that delete made every args object a slow dictionary-mode
 * object (bench/notes/inprocess.md). The instances are the same either way: only the fields that
 * arrived.
 */
describe('args and input classes', () => {
  it('construct with no own fields, so converting arguments deletes nothing', async () => {
    await createSchema();
    const storage = getMetadataStorage();
    const classes = [...storage.argumentTypes, ...storage.inputTypes].map((type) => type.target as new () => object);
    expect(classes.length).toBeGreaterThan(15);
    const withOwnFields = classes.map((Class) => ({ name: Class.name, fields: Object.keys(new Class()) })).filter(({ fields }) => fields.length > 0);
    expect(withOwnFields).toEqual([]);
  });
});
