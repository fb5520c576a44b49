import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The committed SDL: sorted so that code reordering alone never shows as drift. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `# Generated from the code-first schema by \`npm run schema:emit\`; do not edit by hand.\n# A test fails when this file and the code disagree.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
