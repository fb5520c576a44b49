/* `npm run schema:emit`: writes schema/schema.graphql from the code-first schema. */
import { writeFileSync } from 'node:fs';
import { printSchemaFile } from '../src/graphql/print';
import { createSchema } from '../src/graphql/schema';

createSchema()
  .then((schema) => {
    writeFileSync('schema/schema.graphql', printSchemaFile(schema));
    console.log('wrote schema/schema.graphql');
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
