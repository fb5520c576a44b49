// Typed operations for the explorer, generated from the committed SDL: an operation the schema
// no longer answers fails here, and a changed answer shape fails the web typecheck.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/explore/**/*.ts', '!web/explore/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/explore/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Operations travel as plain strings: no graphql-js in the bundle.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { PartialDate: 'string', Period: 'string' },
      },
    },
  },
};

export default config;
