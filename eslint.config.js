// Lint: TypeScript rules (type-aware where it catches real bugs), React hooks rules, and the import boundaries of
// ARCHITECTURE.md, each with a message saying why.
//
// Boundaries are checked on resolved paths by eslint-plugin-import-x (`no-restricted-paths` zones, resolved with
// eslint-import-resolver-typescript), so a relative, deep-relative or package-path form of the same import is caught
// alike; it is the maintained ESLint-9 fork of eslint-plugin-import. The pure packages' third-party imports are an
// allow-list: what their own package.json declares (import-x/no-extraneous-dependencies with that packageDir).
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';

const dirs = (path) =>
  readdirSync(new URL(path, import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

const SERVER_SHARED = ['http', 'db', 'audit', 'lib', 'access', 'config', 'history', 'jobs', 'documents', 'workers', 'backup'];
const serverFeatures = dirs('./apps/server/src/features');
const webFeatures = dirs('./apps/web/src/features');

const domainZones = (froms) =>
  froms.map((from) => ({
    target: './packages/domain',
    from,
    message: 'packages/domain is pure rules: it depends on no application, catalogue or contract. Pass data in, return codes.',
  }));

const zones = [
  // the pure packages
  ...domainZones(['./apps', './e2e', './bench', './scripts', './packages/i18n', './packages/contracts']),
  ...['./apps', './packages/domain', './packages/contracts'].map((from) => ({
    target: './packages/i18n',
    from,
    message: 'packages/i18n holds message catalogues only.',
  })),
  {
    target: './packages/contracts',
    from: './apps',
    message: 'packages/contracts is shared by the server and the web app: it imports neither.',
  },
  // the server
  ...serverFeatures.map((feature) => ({
    target: `./apps/server/src/features/${feature}`,
    from: './apps/server/src/features',
    except: [`./${feature}`],
    message: "A server feature does not import another feature's files: share through the domain or a shared server folder.",
  })),
  ...SERVER_SHARED.map((folder) => ({
    target: `./apps/server/src/${folder}`,
    from: './apps/server/src/features',
    message: 'Shared server folders must not import a feature; features depend on them, not the reverse.',
  })),
  ...['seeds', 'cli'].map((folder) => ({
    target: `./apps/server/src/${folder}`,
    from: './apps/server/src/features/**/*.{routes,queries,presenter,schemas}.ts',
    message: `${folder}/ goes through the features' commands (the one write path), never their routes, queries or presenters.`,
  })),
  {
    target: './apps/server',
    from: './apps/web',
    message: 'The server does not import the web app.',
  },
  // the web app
  ...webFeatures.map((feature) => ({
    target: `./apps/web/src/features/${feature}`,
    from: './apps/web/src/features',
    except: [`./${feature}`],
    message: 'A web feature does not import another feature; share through components/ or lib/, or compose in app/.',
  })),
  ...['components', 'lib'].map((folder) => ({
    target: `./apps/web/src/${folder}`,
    from: './apps/web/src/features',
    message: 'Shared web folders must not import a feature.',
  })),
  {
    target: './apps/web',
    from: './apps/server',
    message: 'The web app talks to the server over HTTP only; shared shapes live in packages/contracts or the domain.',
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json', alwaysTryTypes: true })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones, basePath: import.meta.dirname }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-builders.ts'],
    rules: {
      'import-x/no-nodejs-modules': ['error'],
      // an allow-list: the domain's package.json declares the only libraries it may use, and only those are named here
      'import-x/no-extraneous-dependencies': ['error', { packageDir: ['./packages/domain'], devDependencies: false }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|zod$)',
              message: 'packages/domain imports only its own files and the pure libraries it declares (zod).',
            },
          ],
        },
      ],
    },
  },
  {
    // the domain's tests may render its codes with the catalogues, to check the sentences users read
    files: ['packages/domain/src/**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...domainZones(['./apps', './e2e', './bench', './scripts', './packages/contracts']),
            ...zones.filter((z) => z.target !== './packages/domain'),
          ],
        },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import-x/no-nodejs-modules': ['error'],
      'import-x/no-extraneous-dependencies': ['error', { packageDir: ['./packages/contracts'], devDependencies: false }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|zod$|@thidua/(domain|i18n)(/|$))',
              message: 'packages/contracts imports only zod, the domain (codes) and the catalogues (languages).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/i18n/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import-x/no-nodejs-modules': ['error'],
      'import-x/no-extraneous-dependencies': ['error', { packageDir: ['./packages/i18n'], devDependencies: false }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
