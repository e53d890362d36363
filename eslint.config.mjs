import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/tmp', '**/coverage', 'apps/web/src/graphql-env.d.ts', 'apps/web/e2e/artifacts'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      // Arrows point one way: app → feature → core. A feature reaches another
      // only through its public index (an id, a loader, an event).
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:core', 'type:testing'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:core', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core'] },
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'] },
            // The web app talks to the API only through /graphql; its browser tests start the
            // real API through the testing harness.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:testing'] },
            { sourceTag: 'scope:api', notDependOnLibsWithTags: ['scope:web'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../libs/*', '../../../libs/*'], message: 'Import libraries through their @bottega/<lib> alias.' }] }],
    },
  },
  {
    // Code that runs in the browser and in the server render imports no library of the API.
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@bottega/*'], message: 'The web app talks to the API only through /graphql.' }] }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
