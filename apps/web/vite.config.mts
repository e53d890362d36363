import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

// One config for the browser bundle (`vite build`) and the server bundle (`vite build --ssr`).
export default defineConfig(({ isSsrBuild }) => ({
  root,
  plugins: [react()],
  // The app's own runtime chunks only: the API serves them under /assets with immutable caching.
  base: '/',
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
    // Bundled so the server build does not depend on how these packages expose ESM/CJS.
    noExternal: ['react-intl', '@formatjs/*', 'intl-messageformat', 'urql', '@urql/*', 'wonka', 'react-router', 'gql.tada', '@0no-co/*'],
  },
  server: { hmr: { port: 24678 } },
}));
