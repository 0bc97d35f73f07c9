// What an event of the history says, in a sentence or a few, per event type (apps/server/src/audit/events.ts).
// Events without a sentence of their own are listed field by field.
import type { TFunction } from 'i18next';
import { isSettingKey, settingText } from '../../../lib/settings-text.ts';

export interface ChangeLine {
  field: string;
  from?: unknown;
  to: unknown;
}

/** Events may name fields as the database does (short_name); labels are keyed like the API (shortName). */
const camelCase = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** What an event says: for edits `{ changes: { field: { from, to } } }`, otherwise its own fields. */
export function describeChanges(data: unknown): ChangeLine[] {
  if (!data || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  const changes = record.changes;
  if (changes && typeof changes === 'object') {
    return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
      .filter(([field]) => field !== 'version')
      .map(([field, change]) => ({ field: camelCase(field), from: change?.from ?? null, to: change?.to ?? null }));
  }
  return Object.entries(record)
    .filter(([field]) => field !== 'version')
    .map(([field, to]) => ({ field: camelCase(field), to }));
}

/** Fields that hold a unit's id: shown by the unit's name. */
export const UNIT_FIELDS = new Set(['unitId', 'headUnitId', 'deputyUnitId', 'parentId']);

/** The unit ids an event names, so their names can be loaded before the summary is read. */
export function unitIdsOf(data: unknown): number[] {
  return describeChanges(data)
    .flatMap((line) => (UNIT_FIELDS.has(line.field) ? [line.from, line.to] : []))
    .filter((v): v is number => typeof v === 'number');
}

export interface SummaryContext {
  /** bound to the audit namespace; other namespaces by prefix */
  t: TFunction;
  date: (value: string | null | undefined) => string;
  /** a unit's name by id (its id while the name is loading) */
  unit: (id: number) => string;
}

const RECORD_KINDS = ['ratings', 'awards', 'evidence', 'discipline', 'leaves', 'reviews', 'figures'] as const;
type RecordKind = (typeof RECORD_KINDS)[number];

/** The kind of record an event names; an award's own kind (CONG_TRANG, …) travels as `awardKind`. */
function recordKind(data: Record<string, unknown>): RecordKind | null {
  return (RECORD_KINDS as readonly string[]).includes(String(data.kind)) ? (data.kind as RecordKind) : null;
}

type Data = Record<string, unknown>;

/** One value as people read it: dates in the language's format, yes/no, "(trống)". */
export function showValue(ctx: SummaryContext, field: string, value: unknown): string {
  const { t, date } = ctx;
  if (value === null || value === undefined || value === '') return t('history.none');
  if (UNIT_FIELDS.has(field) && typeof value === 'number') return ctx.unit(value);
  if (field === 'role' && typeof value === 'string') return t(`auth:role.${value}`, { defaultValue: value });
  if (field === 'gender' && typeof value === 'string') return t(`registry:gender.${value}`, { defaultValue: value });
  if (field === 'unitType' && typeof value === 'string') return t(`registry:unitType.${value}`, { defaultValue: value });
  if (field === 'kind' && typeof value === 'string') return t(`registry:clusterKind.${value}`, { defaultValue: value });
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function period(ctx: SummaryContext, from: unknown, to: unknown): string {
  return to
    ? ctx.t('summary.period', { from: ctx.date(String(from)), to: ctx.date(String(to)) })
    : ctx.t('summary.since', { from: ctx.date(String(from)) });
}

function recordAdded(ctx: SummaryContext, d: Data): string[] {
  const { t } = ctx;
  const vocab = (group: string, code: unknown) => t(`vocabulary:${group}.${String(code)}`, { defaultValue: String(code) });
  const decision = (ref: unknown) => (ref ? [t('summary.decision', { ref: String(ref) })] : []);
  switch (recordKind(d)) {
    case 'ratings':
      return [t('summary.ratingAdded', { year: d.year, rating: vocab('ratings', d.rating) }), ...decision(d.decisionRef)];
    case 'awards':
      return [
        t('summary.awardAdded', { award: vocab('awards', d.awardCode), year: d.year, kind: vocab('awardKinds', d.awardKind) }),
        ...decision([d.decisionNumber, d.decisionDate ? ctx.date(String(d.decisionDate)) : null].filter(Boolean).join(' – ')),
      ];
    case 'evidence':
      return [
        t('summary.evidenceAdded', {
          type: t(`records:evidenceType.${String(d.evidenceType)}`, { defaultValue: String(d.evidenceType) }),
          title: d.title,
          year: d.year,
          scope: vocab('initiativeScopes', d.scope),
        }),
      ];
    case 'discipline':
      return [
        t('summary.disciplineAdded', { form: vocab('disciplineForms', d.form), period: period(ctx, d.from, d.to) }),
        ...decision(d.decisionRef),
      ];
    case 'leaves':
      return [t('summary.leaveAdded', { type: vocab('leaveTypes', d.leaveType), period: period(ctx, d.from, d.to) })];
    case 'reviews':
      return [
        t('summary.reviewAdded', {
          type: t(`records:reviewType.${String(d.reviewType)}`, { defaultValue: String(d.reviewType) }),
          period: period(ctx, d.from, d.to),
        }),
      ];
    case 'figures':
      return [t('summary.figuresAdded', { year: d.year, total: d.total, advanced: d.advancedWorkers, fighters: d.grassrootsFighters })];
    default:
      return [];
  }
}

function recordRemoved(ctx: SummaryContext, d: Data): string[] {
  const kind = recordKind(d);
  if (kind === 'ratings' || kind === 'figures') return [ctx.t(`summary.removedOfYear.${kind}`, { year: d.recordId })];
  if (kind) return [ctx.t('summary.removed', { kind: ctx.t(`records:tabs.${kind}`), id: d.recordId })];
  return [];
}

/** The sentences of an event; empty when it has none of its own (the panel then lists its fields). */
export function summarise(ctx: SummaryContext, type: string, data: unknown): string[] {
  const { t } = ctx;
  if (!data || typeof data !== 'object') return [];
  const d = data as Data;
  switch (type) {
    case 'RECORD_ADDED':
      return recordAdded(ctx, d);
    case 'RECORD_REMOVED':
      return recordRemoved(ctx, d);
    case 'QUOTA_POLICY_SET':
      return [
        t('summary.quota', {
          award: t(`vocabulary:awards.${String(d.awardCode)}`, { defaultValue: String(d.awardCode) }),
          year: d.year,
          rate: d.ratePercent,
          rounding: t(`records:quota.roundings.${String(d.rounding)}`, { defaultValue: String(d.rounding) }),
        }),
        ...(d.baseAwardCode
          ? [
              t('summary.quotaBase', {
                award: t(`vocabulary:awards.${String(d.baseAwardCode)}`, { defaultValue: String(d.baseAwardCode) }),
              }),
            ]
          : []),
        ...(d.minOne ? [t('records:quota.minOne')] : []),
      ];
    case 'ISSUER_SETTINGS_SET': {
      const overrides = Object.entries((d.overrides ?? {}) as Data);
      return [
        t(overrides.length ? 'summary.settingsFrom' : 'summary.settingsDefaults', { year: d.year }),
        ...overrides.map(([key, value]) =>
          t('history.value', {
            field: isSettingKey(key) ? t(`records:settings.items.${key}.label`) : key,
            value: settingText(t, key, value),
          }),
        ),
      ];
    }
    case 'USER_CREATED':
      return [t('summary.userCreated', { username: d.username, role: t(`auth:role.${String(d.role)}`, { defaultValue: String(d.role) }) })];
    case 'USER_SESSIONS_REVOKED':
      return [t('summary.sessionsRevoked', { count: Number(d.sessions ?? 0) })];
    case 'USER_PASSWORD_RESET':
      return [
        t('summary.passwordResetIssued', { count: Number(d.sessions ?? 0), expiresAt: ctx.date(String(d.expiresAt ?? '').slice(0, 10)) }),
      ];
    case 'USER_PASSWORD_CHANGED':
      return [t(d.via === 'self' ? 'summary.passwordChangedBySelf' : 'summary.passwordChangedByCode')];
    case 'CLUSTER_MEMBER_ADDED':
      return [
        t('summary.memberAdded', { unit: ctx.unit(Number(d.unitId)), year: d.year }),
        ...(d.from || d.to ? [period(ctx, d.from ?? '', d.to)] : []),
      ];
    case 'CLUSTER_MEMBER_REMOVED':
      return [t('summary.memberRemoved', { unit: ctx.unit(Number(d.unitId)), year: d.year })];
    case 'CLUSTER_LEADERSHIP_SET':
      return [
        t('summary.leadershipYear', { year: d.year }),
        t('history.value', { field: t('field.headUnitId'), value: ctx.unit(Number(d.headUnitId)) }),
        t('history.value', {
          field: t('field.deputyUnitId'),
          value: d.deputyUnitId ? ctx.unit(Number(d.deputyUnitId)) : t('history.none'),
        }),
      ];
    case 'CLUSTER_FLAG_HANDED_OVER':
      return [
        t('summary.flagHandedOver', { unit: ctx.unit(Number(d.unitId)), from: ctx.date(String(d.from)) }),
        ...(d.previousClosedOn ? [t('summary.flagPreviousClosed', { date: ctx.date(String(d.previousClosedOn)) })] : []),
        ...(d.note ? [t('history.value', { field: t('field.note'), value: d.note })] : []),
      ];
    case 'AWARD_CONFERRED':
    case 'AWARD_WITHDRAWN':
      return [
        t('summary.awardByDecision', {
          award: t(`vocabulary:awards.${String(d.awardCode)}`, { defaultValue: String(d.awardCode) }),
          year: d.year,
          number: d.number,
        }),
      ];
    case 'PERSON_CREATED':
      return [t('summary.personCreated', { code: d.code, name: d.fullName, unit: ctx.unit(Number(d.unitId)) })];
    case 'PERSON_POSITION_ADDED':
      return [t('summary.positionAdded', { title: d.title, unit: ctx.unit(Number(d.unitId)), period: period(ctx, d.from, d.to) })];
    case 'PERSON_POSITION_REMOVED':
      return [t('summary.positionRemoved', { id: d.positionId })];
    default:
      return [];
  }
}

/** Every line of an event: its sentences, or else its fields one by one. */
export function eventLines(ctx: SummaryContext, type: string, data: unknown): string[] {
  const sentences = summarise(ctx, type, data);
  if (sentences.length) return sentences;
  return describeChanges(data).map((change) => {
    const label = ctx.t(`field.${change.field}`, { defaultValue: change.field });
    if (change.field === 'password') return ctx.t('summary.passwordReset');
    return 'from' in change
      ? ctx.t('history.changed', {
          field: label,
          from: showValue(ctx, change.field, change.from),
          to: showValue(ctx, change.field, change.to),
        })
      : ctx.t('history.value', { field: label, value: showValue(ctx, change.field, change.to) });
  });
}
