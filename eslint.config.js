// Lint rules, including the one-way architecture: policy documents → policies → engine →
// workflow → ledger/reports. Each layer lists what it must not import.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const io = [
  'pg',
  'pg-*',
  '@electric-sql/*',
  'fastify',
  'fastify-*',
  '@fastify/*',
  'node:fs',
  'node:fs/*',
  'node:net',
  'node:http',
  'node:https',
  'node:child_process',
];
const ui = ['react', 'react-*', 'antd', '@ant-design/*', 'dayjs'];
const layer = (name) => [`@wengang/${name}`, `@wengang/${name}/*`];
const downstreamOfEngine = [
  ...layer('policies'),
  ...layer('workflow'),
  ...layer('screening'),
  ...layer('ledger'),
  ...layer('db'),
  ...layer('api'),
  ...layer('web'),
];

/** Forbid imports by package name and by relative path into another layer's folder. */
const forbid = (names, folders, message) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: names, message },
        ...(folders.length ? [{ regex: `(^|/)\\.\\./.*(${folders.join('|')})/`, message }] : []),
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid(
      [
        ...io,
        ...layer('db'),
        ...layer('engine'),
        ...layer('policies'),
        ...layer('workflow'),
        ...layer('screening'),
        ...layer('ledger'),
        ...layer('api'),
      ],
      ['packages', 'policies', 'api'],
      'The web app talks to the server through the JSON API only; it may use @wengang/kernel.',
    ),
  },
  {
    files: ['packages/kernel/src/**/*.ts'],
    rules: forbid(
      [...io, ...ui, '@wengang/*'],
      ['engine', 'db', 'workflow', 'screening', 'ledger', 'policies', 'apps'],
      'The kernel is the bottom layer: pure domain helpers with no I/O and no other Wengang package.',
    ),
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    rules: forbid(
      [...io, ...ui, ...downstreamOfEngine],
      ['db', 'workflow', 'screening', 'ledger', 'policies', 'apps'],
      'The engine knows nothing of databases, HTTP, UI or the layers downstream of it.',
    ),
  },
  {
    files: ['policies/**/*.ts'],
    ignores: ['policies/**/*.test.ts'],
    rules: forbid(
      [...io, ...ui, ...layer('kernel'), ...downstreamOfEngine, 'zod', 'zod/*'],
      ['packages', 'apps'],
      'Policies import only the engine authoring API (@wengang/engine), which also re-exports zod and the kernel helpers.',
    ),
  },
  {
    files: ['packages/db/src/**/*.ts'],
    rules: forbid(
      [
        ...ui,
        ...layer('engine'),
        ...layer('policies'),
        ...layer('workflow'),
        ...layer('screening'),
        ...layer('ledger'),
        ...layer('api'),
      ],
      ['engine', 'workflow', 'screening', 'ledger', 'policies', 'apps'],
      'The db package is storage only.',
    ),
  },
  {
    files: ['packages/workflow/src/**/*.ts', 'packages/screening/src/**/*.ts', 'packages/ledger/src/**/*.ts'],
    rules: forbid(
      [...ui, 'fastify', 'fastify-*', '@fastify/*', ...layer('api'), ...layer('web')],
      ['apps'],
      'Workflow, screening and ledger know nothing of HTTP or UI.',
    ),
  },
);
