// Lint: TypeScript rules plus the import boundaries of ARCHITECTURE.md, each with a message saying why.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: restrict([
      { regex: '^node:', message: 'packages/domain is pure: no Node APIs. Take data and a `now` as arguments.' },
      {
        regex: '^(fs|path|crypto|child_process|pg|kysely|fastify|@fastify/.*|@electric-sql/.*|react|react-dom|antd|i18next)$',
        message: 'packages/domain is pure: no I/O, database, HTTP or UI library. Keep that in apps/server or apps/web.',
      },
      { regex: '(^|/)apps/|^@thidua/(server|web)', message: 'packages/domain must not depend on the applications.' },
    ]),
  },
  {
    files: ['apps/server/src/features/**/*.ts'],
    rules: restrict([
      {
        regex: '^\\.\\./[^./][^/]*/[^/]*\\.(queries|routes)(\\.ts)?$',
        message:
          "A feature does not use another feature's queries or routes: move shared reads to a shared module or go through the domain.",
      },
    ]),
  },
  {
    files: ['apps/server/src/{http,db,audit,lib,access,config}/**/*.ts'],
    rules: restrict([
      { regex: '(^|/)features/', message: 'Shared server folders must not import a feature; features depend on them, not the reverse.' },
    ]),
  },
  {
    files: ['apps/web/src/features/*/*.{ts,tsx}'],
    rules: restrict([
      { regex: '^\\.\\./[^.]', message: 'A web feature does not import another feature; share through components/ or lib/.' },
    ]),
  },
  {
    files: ['apps/web/src/features/*/*/**/*.{ts,tsx}'],
    rules: restrict([
      { regex: '^\\.\\./\\.\\./[^.]', message: 'A web feature does not import another feature; share through components/ or lib/.' },
    ]),
  },
  {
    files: ['apps/web/src/{components,lib}/**/*.{ts,tsx}'],
    rules: restrict([{ regex: '(^|/)features/', message: 'Shared web folders must not import a feature.' }]),
  },
);
