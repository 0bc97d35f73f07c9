import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of ARCHITECTURE.md are lint rules on resolved paths; these cases prove each rule fires on the
// relative, deep-relative and package-path forms of a forbidden import, and stays quiet on allowed ones.
const BOUNDARY_RULES = new Set([
  'no-restricted-imports',
  'import-x/no-restricted-paths',
  'import-x/no-nodejs-modules',
  'import-x/no-extraneous-dependencies',
]);
const eslint = new ESLint({
  cwd: new URL('../../..', import.meta.url).pathname,
  // the snippets are not files of the TypeScript project: lint them without type information
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
});
async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  const fatal = result!.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(fatal.map((m) => m.message).join('\n'));
  return result!.messages.filter((m) => BOUNDARY_RULES.has(m.ruleId ?? '')).map((m) => `${m.ruleId}: ${m.message}`);
}

const DOMAIN = 'packages/domain/src/eligibility/x.ts';
const FEATURE = 'apps/server/src/features/clusters/x.ts';
const WEB_FEATURE = 'apps/web/src/features/clusters/components/x.tsx';

describe('import boundaries', () => {
  it.each([
    // the domain is pure: no Node API, no library it does not declare, no app, no catalogue
    [DOMAIN, "import { readFileSync } from 'node:fs';", /no-nodejs-modules/],
    [DOMAIN, "import { readFile } from 'fs/promises';", /no-nodejs-modules/],
    [DOMAIN, "import pg from 'pg';", /no-extraneous-dependencies/],
    [DOMAIN, "import ExcelJS from 'exceljs';", /imports only its own files and the pure libraries it declares/],
    [DOMAIN, "import { translator } from '@thidua/i18n';", /packages\/domain is pure rules/],
    [DOMAIN, "import { openDatabase } from '../../../../apps/server/src/db/client.ts';", /packages\/domain is pure rules/],
    [DOMAIN, "import { openDatabase } from '@thidua/server/src/db/client.ts';", /packages\/domain is pure rules/],
    // the contracts are shared by both sides: they import neither
    ['packages/contracts/src/x.ts', "import { buildApp } from '../../../apps/server/src/app.ts';", /imports neither/],
    ['packages/contracts/src/x.ts', "import { Kysely } from 'kysely';", /imports only zod, the domain/],
    // a server feature never reaches into another, by any path
    [FEATURE, "import { listUnits } from '../units/units.queries.ts';", /A server feature does not import another feature/],
    [FEATURE, "import { unitRoutes } from '../../features/units/units.routes.ts';", /A server feature does not import another feature/],
    [FEATURE, "import { createUnit } from '../units/save-unit.ts';", /A server feature does not import another feature/],
    [
      FEATURE,
      "import { listUnits } from '@thidua/server/src/features/units/units.queries.ts';",
      /A server feature does not import another feature/,
    ],
    // shared server folders import no feature
    ['apps/server/src/http/x.ts', "import { clusterRoutes } from '../features/clusters/clusters.routes.ts';", /Shared server folders/],
    ['apps/server/src/history/x.ts', "import { findUnit } from '../features/units/units.queries.ts';", /Shared server folders/],
    ['apps/server/src/db/x.ts', "import { createUnit } from '../features/units/save-unit.ts';", /Shared server folders/],
    // demo data and the command line go through commands
    [
      'apps/server/src/seeds/x.ts',
      "import { listUnits } from '../features/units/units.queries.ts';",
      /goes through the features' commands/,
    ],
    ['apps/server/src/cli/x.ts', "import { unitRoutes } from '../features/units/units.routes.ts';", /goes through the features' commands/],
    // a web feature never reaches into another; shared web folders import no feature; the web app imports no server code
    [WEB_FEATURE, "import { UnitList } from '../../units/components/UnitList.tsx';", /A web feature does not import another feature/],
    [WEB_FEATURE, "import { useUnit } from '../../../features/units/api/units.ts';", /A web feature does not import another feature/],
    ['apps/web/src/lib/x.ts', "import { useUnit } from '../features/units/api/units.ts';", /Shared web folders/],
    [WEB_FEATURE, "import { buildApp } from '../../../../../server/src/app.ts';", /talks to the server over HTTP only/],
    [WEB_FEATURE, "import { buildApp } from '@thidua/server/src/app.ts';", /talks to the server over HTTP only/],
  ])('%s: %s is refused', async (file, code, why) => {
    expect((await messages(file, code)).join('\n')).toMatch(why);
  });

  it.each([
    [DOMAIN, "import { ok } from '../shared/result.ts';"],
    [DOMAIN, "import { z } from 'zod';"],
    ['packages/contracts/src/x.ts', "import { AWARD_CODES } from '@thidua/domain/rulebook/vocabulary.ts';"],
    [FEATURE, "import { clusterDetail } from '@thidua/contracts/clusters.ts';"],
    [WEB_FEATURE, "import { clusterDetail } from '@thidua/contracts/clusters.ts';"],
    [FEATURE, "import { findCluster } from './clusters.queries.ts';"],
    [FEATURE, "import { AppError } from '../../http/app-error.ts';"],
    [FEATURE, "import { clusterAbilities } from '@thidua/domain';"],
    ['apps/server/src/seeds/x.ts', "import { createUnit } from '../features/units/save-unit.ts';"],
    ['apps/server/src/app.ts', "import { unitRoutes } from './features/units/units.routes.ts';"],
    [WEB_FEATURE, "import { api } from '../../../lib/api.ts';"],
    [WEB_FEATURE, "import { AWARDS } from '@thidua/domain/rulebook/vocabulary.ts';"],
    [WEB_FEATURE, "import { ClusterList } from './ClusterList.tsx';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await messages(file, code)).toEqual([]);
  });
});
