import type { z } from 'zod';
import { authoritySchema } from '@thidua/contracts/authorities.ts';
import { clusterItem } from '@thidua/contracts/clusters.ts';
import { unitSchema } from '@thidua/contracts/units.ts';
// Test helpers: the whole app in a memory router over a fetch that answers from a table.
import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { App } from './app/App.tsx';
import { createQueryClient } from './app/providers.tsx';
import { routes } from './app/routes.tsx';
import { createI18n } from './lib/i18n.ts';
import { setCsrfToken } from './lib/api.ts';
import type { SessionUser } from './lib/session.ts';

export interface Call {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export type Reply = { status?: number; body?: unknown } | undefined;
export type Handler = (call: Call) => Reply | Promise<Reply>;

/** Routes are "METHOD /path" (path without /api/v1 and without the query). */
export function mockApi(routesTable: Record<string, Handler | Reply>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const call: Call = {
      method,
      url,
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v])),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    calls.push(call);
    const key = `${method} ${url.pathname.replace(/^\/api\/v1/, '')}`;
    const entry = routesTable[key];
    const reply = typeof entry === 'function' ? await entry(call) : entry;
    if (!reply) return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: `no mock for ${key}` } }), { status: 404 });
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    fetchMock,
    find: (method: string, path: string) => calls.filter((c) => c.method === method && c.url.pathname === `/api/v1${path}`),
  };
}

export const adminUser: SessionUser = {
  id: 1,
  username: 'demo-admin',
  displayName: 'Quản trị viên',
  role: 'SYSTEM_ADMIN',
  authorityId: 1,
  clusterId: null,
  unitId: null,
  year: null,
  abilities: {
    createUnit: true,
    createPerson: true,
    createCluster: true,
    manageUsers: true,
    editIssuerRules: true,
    downloadBackup: true,
    draftDecision: true,
  },
};

/**
 * A mock answer built against the API contract: the value is typed by the contract (a renamed field fails type
 * checking) and parsed by it (a drifted mock fails the test that uses it).
 */
export function contract<S extends z.ZodType>(schema: S, value: z.input<S>): z.input<S> {
  schema.parse(value);
  return value;
}

/** What the menus offer a read-only role. */
export const readOnlyAbilities: SessionUser['abilities'] = {
  createUnit: false,
  createPerson: false,
  createCluster: false,
  manageUsers: false,
  editIssuerRules: false,
  downloadBackup: false,
  draftDecision: false,
};

/** Every action on a record allowed, or none. */
export const allowAll = <K extends string>(keys: readonly K[], allowed = true) =>
  Object.fromEntries(keys.map((k) => [k, allowed])) as Record<K, boolean>;
export const CLUSTER_ACTIONS = ['update', 'addMember', 'removeMember', 'setLeadership', 'handOverFlag'] as const;
export const UNIT_ACTIONS = ['update', 'addPerson', 'editRecords'] as const;
export const PERSON_ACTIONS = ['update', 'addPosition', 'removePosition', 'editRecords'] as const;
export const USER_ACTIONS = ['update', 'resetPassword', 'disable', 'revokeSessions'] as const;
export const AUTHORITY_ACTIONS = ['update', 'setQuotas', 'setSettings', 'createUnit', 'createCluster', 'manageUsers'] as const;

export const signedIn = (user: SessionUser = adminUser): Reply => ({ body: { user, csrfToken: 'csrf-123' } });
export const signedOut: Reply = { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Chưa đăng nhập' } } };

export function renderApp(path: string, lang: 'vi' | 'en' = 'vi') {
  window.localStorage.clear();
  setCsrfToken(null);
  const i18n = createI18n(lang);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const utils = render(<App router={router} queryClient={queryClient} i18n={i18n} />);
  return { ...utils, router, i18n, queryClient };
}

// ——— fixtures of the demo's Thanh Hóa records, checked against the contracts ———
export const thanhHoa = contract(authoritySchema, {
  id: 3,
  code: 'TH',
  kind: 'PROVINCE',
  name: 'Ủy ban nhân dân tỉnh Thanh Hóa',
  shortName: 'UBND tỉnh Thanh Hóa',
  place: 'Thanh Hóa',
  version: 1,
  abilities: allowAll(AUTHORITY_ACTIONS),
});

export const unitFixture = (id: number, name: string, over: Partial<z.input<typeof unitSchema>> = {}) =>
  contract(unitSchema, {
    id,
    authorityId: 3,
    authorityName: thanhHoa.name,
    code: `TH-${id}`,
    name,
    shortName: null,
    unitType: 'SOE_ONE_MEMBER_LLC',
    legalEntity: true,
    stateCapitalPct: 100,
    parentId: null,
    parentName: null,
    province: 'Thanh Hóa',
    taxCode: null,
    foundedOn: null,
    dissolvedOn: null,
    version: 1,
    predecessors: [],
    successors: [],
    abilities: allowAll(UNIT_ACTIONS),
    ...over,
  });

export const clusterItemFixture = (id: number, name: string, over: Partial<z.input<typeof clusterItem>> = {}) =>
  contract(clusterItem, {
    id,
    code: `TH-CUM${id}`,
    kind: 'CLUSTER',
    name,
    authorityId: 3,
    authorityName: thanhHoa.name,
    decisionNumber: '1197/QĐ-UBND',
    decisionDate: '2024-03-27',
    activeFrom: '2024-03-27',
    activeTo: null,
    memberCount: 7,
    headUnitName: null,
    deputyUnitName: null,
    version: 1,
    ...over,
  });

/** A page of an API list, as the contract gives it. */
export const pageOf = <T,>(items: T[], pageSize = 100) => ({ items, total: items.length, page: 1, pageSize });

export const authoritiesPage = pageOf([thanhHoa]);
export const lamSonUnit = unitFixture(16, 'Công ty TNHH MTV Lam Sơn');
export const cluster18Item = clusterItemFixture(2, 'Cụm thi đua số 18');
