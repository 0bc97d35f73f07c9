// Answers of the round's API for the screens' tests, checked against the contracts.
import { rankingSchema, roundBoardSchema, sheetSchema, unitReviewSchema } from '@thidua/contracts/scoring.ts';
import { adminUser, allowAll, contract, readOnlyAbilities } from '../../../test-utils.tsx';
import type { SessionUser } from '../../../lib/session.ts';

export const ROUND_ACTIONS = ['configure', 'advance', 'review', 'seeAll'] as const;
export const CLUSTER = 2;
export const YEAR = 2024;
export const LAM_SON = 16;
export const BASE = `/clusters/${CLUSTER}/years/${YEAR}`;

export const headOfficer: SessionUser = {
  ...adminUser,
  id: 5,
  username: 'demo-cluster',
  role: 'CLUSTER_OFFICER',
  authorityId: 3,
  clusterId: CLUSTER,
  abilities: readOnlyAbilities,
};
export const unitOfficer: SessionUser = {
  ...adminUser,
  id: 6,
  username: 'demo-unit',
  role: 'UNIT_OFFICER',
  authorityId: 3,
  unitId: LAM_SON,
  abilities: readOnlyAbilities,
};

export const criteria = {
  maxTotal: 100,
  groups: [
    {
      code: 'I',
      title: 'Nhiệm vụ chính trị',
      items: [
        {
          code: '1.1',
          text: 'Nộp ngân sách đúng hạn',
          maxPoints: 20,
          method: 'binary' as const,
          evidenceRequired: false,
          kind: 'regular' as const,
        },
        {
          code: '1.2',
          text: 'Cải cách hành chính',
          maxPoints: 30,
          method: 'graded' as const,
          levels: [0, 15, 30],
          evidenceRequired: false,
          kind: 'regular' as const,
        },
      ],
    },
    {
      code: 'II',
      title: 'Công tác thi đua',
      items: [
        {
          code: '2.1',
          text: 'Phong trào thi đua',
          maxPoints: 50,
          method: 'manual' as const,
          evidenceRequired: false,
          kind: 'regular' as const,
        },
        {
          code: 'P1',
          text: 'Nộp báo cáo chậm',
          maxPoints: 5,
          method: 'manual' as const,
          evidenceRequired: false,
          kind: 'penalty' as const,
        },
      ],
    },
  ],
  knockOuts: [{ code: 'K1', text: 'Vi phạm pháp luật nghiêm trọng' }],
};

const settings = {
  weights: { self: 40, cross: 60 },
  crossMethod: 'median' as const,
  missingCross: 'self' as const,
  tieBreaks: ['fullItems' as const, { group: 'II' }],
  leadingPlaces: 3,
  deadlines: { self: '2024-12-15', cross: null },
  acceptLate: false,
  crossPairs: null,
};

const member = (unitId: number, name: string, over: Record<string, unknown> = {}) => ({
  unitId,
  code: `TH-${unitId}`,
  name,
  isHead: false,
  self: { status: 'none' as const, submittedAt: null, deadline: 'open' as const },
  crossDue: 2,
  crossSubmitted: 0,
  mine: false,
  ...over,
});

export const boardFixture = (over: Record<string, unknown> = {}) =>
  contract(roundBoardSchema, {
    criteriaSetId: 9,
    clusterId: CLUSTER,
    clusterName: 'Cụm thi đua số 18',
    year: YEAR,
    period: 'FY',
    version: 1,
    roundState: 'self',
    settings,
    rowVersion: 4,
    members: [
      member(LAM_SON, 'Công ty TNHH MTV Lam Sơn', { isHead: false }),
      member(17, 'Công ty cổ phần Mía đường', {
        isHead: true,
        self: { status: 'submitted', submittedAt: '2024-12-10T03:00:00Z', deadline: 'onTime' },
      }),
      member(18, 'Công ty Cao su Thanh Hóa', { self: { status: 'draft', submittedAt: null, deadline: 'missing' } }),
    ],
    cross: [
      { scorerUnitId: LAM_SON, unitId: 17, status: 'submitted' },
      { scorerUnitId: LAM_SON, unitId: 18, status: 'none' },
      { scorerUnitId: 17, unitId: LAM_SON, status: 'draft' },
    ],
    abilities: allowAll(ROUND_ACTIONS),
    ...over,
  });

export const sheetFixture = (over: Record<string, unknown> = {}) =>
  contract(sheetSchema, {
    criteriaSetId: 9,
    roundState: 'self',
    unitId: LAM_SON,
    unitName: 'Công ty TNHH MTV Lam Sơn',
    scorerUnitId: LAM_SON,
    scorerName: 'Công ty TNHH MTV Lam Sơn',
    stage: 'self',
    status: 'draft',
    entries: [
      { item: '1.1', points: 20 },
      { item: '1.2', points: 15 },
      { item: '2.1', points: 40, comment: 'Theo báo cáo tổng kết' },
      { item: 'P1', points: -1 },
    ],
    total: 74,
    submittedAt: null,
    deadline: '2024-12-15T16:59:59Z',
    rowVersion: 2,
    updatedAt: '2024-12-01T03:00:00Z',
    criteria,
    evidence: [],
    abilities: { update: true, submit: true },
    ...over,
  });

export const reviewFixture = (over: Record<string, unknown> = {}) =>
  contract(unitReviewSchema, {
    unitId: LAM_SON,
    name: 'Công ty TNHH MTV Lam Sơn',
    roundState: 'review',
    items: [
      {
        item: '1.1',
        group: 'I',
        kind: 'regular',
        maxPoints: 20,
        self: 20,
        cross: 20,
        crossCount: 2,
        computed: 20,
        score: 20,
        adjusted: false,
      },
      {
        item: '1.2',
        group: 'I',
        kind: 'regular',
        maxPoints: 30,
        self: 30,
        cross: 15,
        crossCount: 2,
        computed: 21,
        score: 21,
        adjusted: false,
      },
      {
        item: '2.1',
        group: 'II',
        kind: 'regular',
        maxPoints: 50,
        self: 40,
        cross: 45,
        crossCount: 2,
        computed: 43,
        score: 40,
        adjusted: true,
      },
      {
        item: 'P1',
        group: 'II',
        kind: 'penalty',
        maxPoints: 5,
        self: 0,
        cross: -1,
        crossCount: 2,
        computed: -0.6,
        score: -0.6,
        adjusted: false,
      },
    ],
    total: 80.4,
    knockOuts: [],
    adjustments: [
      {
        id: 31,
        item: '2.1',
        oldPoints: 43,
        points: 40,
        reason: 'Thiếu minh chứng phong trào quý IV',
        by: 'Trưởng cụm',
        at: '2024-12-20T03:00:00Z',
        answer: null,
        answeredAt: null,
        canAnswer: false,
      },
    ],
    criteria,
    abilities: { configure: true, advance: true, review: true, seeAll: true },
    ...over,
  });

export const rankingFixture = (over: Record<string, unknown> = {}) =>
  contract(rankingSchema, {
    clusterId: CLUSTER,
    clusterName: 'Cụm thi đua số 18',
    year: YEAR,
    period: 'FY',
    round: 'final',
    roundState: 'closed',
    final: true,
    units: [
      {
        unitId: 17,
        code: 'TH-17',
        name: 'Công ty cổ phần Mía đường',
        finalScore: 92.5,
        rank: 1,
        leading: 1,
        decidedBy: { group: 'II' },
        groups: { I: 45, II: 48 },
        regularTotal: 93,
        bonusTotal: 0,
        penaltyTotal: -0.5,
        fullItems: 2,
      },
      {
        unitId: LAM_SON,
        code: 'TH-16',
        name: 'Công ty TNHH MTV Lam Sơn',
        finalScore: 92.5,
        rank: 2,
        leading: 2,
        decidedBy: null,
        groups: { I: 50, II: 40 },
        regularTotal: 90,
        bonusTotal: 2.5,
        penaltyTotal: 0,
        fullItems: 2,
      },
    ],
    knockedOut: [{ unitId: 18, code: 'TH-18', name: 'Công ty Cao su Thanh Hóa', finalScore: 70, codes: ['K1'] }],
    groups: [
      { code: 'I', title: 'Nhiệm vụ chính trị', maxPoints: 50 },
      { code: 'II', title: 'Công tác thi đua', maxPoints: 50 },
    ],
    tieBreaks: ['fullItems', { group: 'II' }],
    leadingPlaces: 3,
    ...over,
  });
