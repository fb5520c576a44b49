// Builds the browser pages into dist/web (served by src/server/static-pages.ts): one entry per
// page, shared hashed files under assets/. Everything is bundled; nothing loads from elsewhere.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(here, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The pages' icon stays a file under assets/ (CSP img-src 'self'), not a data: URL in the HTML.
    assetsInlineLimit: (file) => (file.endsWith('icon.svg') ? false : undefined),
    // GraphiQL's editor (Monaco) is large; the explorer's own entry stays small.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      // React libraries mark modules "use client"; meaningless in a plain bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        explore: resolve(here, 'explore/index.html'),
        graphiql: resolve(here, 'graphiql/index.html'),
      },
    },
  },
  // `npx vite web` in development: the API runs beside it on :4000.
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
