/*
 * `npm run schema:emit` writes schema/schema.graphql from the code-first schema;
 * `npm run schema:check` fails (exit 1) when the committed file differs from the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { printSchemaFile } from '../src/graphql/print';
import { createSchema } from '../src/graphql/schema';

const FILE = 'schema/schema.graphql';
const check = process.argv.includes('--check');

createSchema()
  .then((schema) => {
    const printed = printSchemaFile(schema);
    if (!check) {
      writeFileSync(FILE, printed);
      console.log(`wrote ${FILE}`);
      return;
    }
    let committed = '';
    try {
      committed = readFileSync(FILE, 'utf8');
    } catch {
      // a missing file is drift like any other
    }
    if (committed !== printed) {
      console.error(`${FILE} is out of date with the code: run \`npm run schema:emit\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${FILE} matches the code`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
