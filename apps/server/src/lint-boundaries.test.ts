import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of ARCHITECTURE.md are lint rules; these cases prove each rule fires, and stays quiet on allowed imports.
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });
async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['packages/domain/src/eligibility/x.ts', "import { readFileSync } from 'node:fs';", /pure: no Node APIs/],
    ['packages/domain/src/eligibility/x.ts', "import pg from 'pg';", /no I\/O, database/],
    [
      'packages/domain/src/eligibility/x.ts',
      "import { a } from '../../../../apps/server/src/app.ts';",
      /must not depend on the applications/,
    ],
    ['apps/server/src/features/clusters/x.ts', "import { listUnits } from '../units/units.queries.ts';", /another feature's queries/],
    ['apps/server/src/http/x.ts', "import { clusterRoutes } from '../features/clusters/clusters.routes.ts';", /must not import a feature/],
    [
      'apps/web/src/features/clusters/components/x.tsx',
      "import { UnitList } from '../../units/components/UnitList.tsx';",
      /web feature does not import another feature/,
    ],
  ])('%s: %s is refused', async (file, code, why) => {
    const found = await messages(file, `${code}\nexport {};\n`);
    expect(found.join('\n')).toMatch(why);
  });

  it.each([
    ['packages/domain/src/eligibility/x.ts', "import { ok } from '../shared/result.ts';"],
    ['apps/server/src/features/clusters/x.ts', "import { findCluster } from './clusters.queries.ts';"],
    ['apps/server/src/features/clusters/x.ts', "import { AppError } from '../../http/app-error.ts';"],
    ['apps/web/src/features/clusters/components/x.tsx', "import { api } from '../../../lib/api.ts';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await messages(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
