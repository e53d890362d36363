import { parse } from '@formatjs/icu-messageformat-parser';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * Catalogs are compiled to ICU syntax trees at build time, so the browser needs no message
 * parser (about 10 KB less JavaScript); a malformed message fails the build.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'bottega:precompiled-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!/messages\.[a-z]{2}\.json$/.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const compiled = Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, parse(message)]));
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));
// WEB_DIST_DIR (as the API reads it, from the working directory) moves the build, e.g. for a test's own copy.
const outDir = process.env['WEB_DIST_DIR'] ? resolve(process.env['WEB_DIST_DIR']) : fileURLToPath(new URL('../../dist/web', import.meta.url));

// One config for the browser bundle (`vite build`) and the server bundle (`vite build --ssr`).
export default defineConfig(({ isSsrBuild, mode }) => ({
  root,
  // React picks its development or production build from NODE_ENV when first required; bundled into
  // the server build with this fixed, the render is the production one whatever NODE_ENV the API runs with.
  define: isSsrBuild && mode === 'production' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  plugins: [precompiledMessages(), react()],
  base: '/',
  resolve: {
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
  },
  build: isSsrBuild
    ? {
        outDir: `${outDir}/server`,
        emptyOutDir: true,
        target: 'node20',
        copyPublicDir: false,
        // CommonJS, so the API loads it with require() under Node and under Jest alike.
        rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' } },
      }
    : {
        outDir: `${outDir}/client`,
        emptyOutDir: true,
        manifest: true,
        target: 'es2022',
        // One small stylesheet for every page, linked by the server render (no unstyled flash).
        cssCodeSplit: false,
        rolldownOptions: { input: 'src/entry-client.tsx' },
      },
  ssr: {
    // The server build bundles everything: one React (the production build) shared by every page and
    // library, and only Node's own modules left outside. In development, Vite loads dependencies from
    // node_modules, bundling only those whose ESM/CJS packaging Node cannot load as they are.
    noExternal: isSsrBuild ? true : ['react-intl', '@formatjs/*', 'intl-messageformat', 'urql', '@urql/*', 'wonka', 'react-router', 'gql.tada', '@0no-co/*'],
  },
  server: { hmr: { port: 24678 } },
}));
