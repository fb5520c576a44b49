/** Sandbox and GraphiQL show each enum value's description: every value of every enum has one. */
import { isEnumType } from 'graphql';
import { createSchema } from '../../src/graphql/schema';

it('describes every value of every enum of the schema', async () => {
  const schema = await createSchema();
  const undescribed = Object.values(schema.getTypeMap())
    .filter(isEnumType)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) =>
      type
        .getValues()
        .filter((value) => !value.description?.trim())
        .map((value) => `${type.name}.${value.name}`),
    );
  expect(undescribed).toEqual([]);
});
