import { readFileSync } from 'node:fs';
import { buildSchema as buildSdl, isInterfaceType, isObjectType, isEnumType, isInputObjectType } from 'graphql';
import { printSchemaFile } from '../../src/graphql/print';
import { createSchema } from '../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema built from the code (run `npm run schema:emit` after changing it)', async () => {
    const committed = readFileSync('schema/schema.graphql', 'utf8');
    expect(committed).toBe(printSchemaFile(await createSchema()));
  });

  it('describes every type, field, argument and enum value (Apollo Sandbox shows them)', async () => {
    const schema = buildSdl(readFileSync('schema/schema.graphql', 'utf8'));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type) && ['EdgeType', 'Unit'].includes(type.name)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing.filter((name) => !['Boolean', 'String', 'Int', 'Float', 'ID'].includes(name))).toEqual([]);
  });
});
