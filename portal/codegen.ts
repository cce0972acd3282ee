import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types every document in lib/graphql from the public API schema the gateway serves (schema/api.graphql,
 * written by `pnpm compose`). The output is committed, so `next build` needs neither codegen nor a gateway.
 */
const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: ['lib/graphql/**/*.ts', '!lib/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'lib/graphql/generated/': {
      preset: 'client',
      // The persisted-documents manifest is the portal's registration of its operations: the gateway lets the
      // portal client run only these (trusted documents). Documents keep their text (hash embedded).
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } },
      config: { useTypeImports: true, enumsAsTypes: true, avoidOptionals: true },
    },
  },
};

export default config;
