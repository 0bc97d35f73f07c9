import type { Translate } from '@thidua/i18n';

/**
 * Each request field named by the label its form shows, so that an error says "Mã: mã … đã tồn tại" and not
 * "code: …". The keys are the screens' own catalogue keys: one wording for a field, on the form and in its errors.
 * A field with another label in one area of the API (the flag's `unitId` is "the receiving unit") is listed under
 * that area (the path's first segment after `/api/v1/`); the rest share one label.
 */
const SHARED: Readonly<Record<string, string>> = {
  code: 'registry:fields.code',
  name: 'registry:fields.name',
  shortName: 'registry:fields.shortName',
  kind: 'registry:fields.kind',
  authorityId: 'registry:fields.authority',
  unitId: 'registry:fields.unit',
  unitType: 'registry:fields.unitType',
  from: 'registry:fields.from',
  to: 'registry:fields.to',
  note: 'registry:fields.note',
  activeFrom: 'registry:clusters.activeFrom',
  activeTo: 'registry:clusters.activeTo',
  headUnitId: 'registry:clusters.head',
  deputyUnitId: 'registry:clusters.deputy',
  'decision.number': 'registry:decision.number',
  'decision.issuedOn': 'registry:decision.issuedOn',
  'decision.issuer': 'registry:decision.issuer',
  'decision.signerName': 'registry:clusters.signerName',
  'decision.signerTitle': 'registry:clusters.signerTitle',
  'decision.summary': 'registry:decision.summary',
  parentId: 'registry:units.parent',
  legalEntity: 'registry:units.legalEntity',
  stateCapitalPct: 'registry:units.stateCapitalPct',
  province: 'registry:units.province',
  taxCode: 'registry:units.taxCode',
  foundedOn: 'registry:units.foundedOn',
  dissolvedOn: 'registry:units.dissolvedOn',
  predecessorIds: 'registry:units.predecessors',
  fullName: 'registry:people.fullName',
  gender: 'registry:people.gender',
  birthDate: 'registry:people.birthDate',
  place: 'registry:authorities.place',
  username: 'registry:users.username',
  displayName: 'registry:users.displayName',
  role: 'registry:users.role',
  scope: 'registry:users.scope',
  clusterId: 'registry:users.cluster',
  password: 'registry:users.password',
  newPassword: 'auth:reset.newPassword',
  year: 'records:fields.year',
  rating: 'records:fields.rating',
  decisionRef: 'records:fields.decisionRef',
  awardCode: 'records:fields.award',
  decisionNumber: 'records:fields.decisionNumber',
  decisionDate: 'records:fields.decisionDate',
  evidenceIds: 'records:fields.evidenceIds',
  title: 'records:fields.title',
  evidenceType: 'records:fields.evidenceType',
  recognitionRef: 'records:fields.recognitionRef',
  form: 'records:fields.form',
  leaveType: 'records:fields.leaveType',
  reviewType: 'records:fields.reviewType',
  total: 'records:fields.total',
  advancedWorkers: 'records:fields.advancedWorkers',
  completedTasks: 'records:fields.completedTasks',
  grassrootsFighters: 'records:fields.grassrootsFighters',
  disciplinedWarningOrAbove: 'records:fields.disciplinedWarningOrAbove',
  women: 'records:fields.women',
  ratePercent: 'records:quota.rate',
  rounding: 'records:quota.rounding',
  minOne: 'records:quota.minOne',
  baseAwardCode: 'records:quota.baseAward',
};

const BY_AREA: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  clusters: {
    authorityId: 'registry:clusters.organisingBody',
    unitId: 'registry:clusters.flagReceiver',
    from: 'registry:clusters.flagFrom',
    // a cluster's criteria table (features/scoring)
    groups: 'registry:criteria.groups',
    'groups.code': 'registry:criteria.groupCode',
    'groups.title': 'registry:criteria.groupTitle',
    'groups.items': 'registry:criteria.items',
    'groups.items.code': 'registry:criteria.itemCode',
    'groups.items.text': 'registry:criteria.itemText',
    'groups.items.maxPoints': 'registry:criteria.maxPoints',
    'groups.items.method': 'registry:criteria.method',
    'groups.items.target': 'registry:criteria.target',
    'groups.items.levels': 'registry:criteria.levels',
    'groups.items.evidenceRequired': 'registry:criteria.evidenceRequired',
    'groups.items.kind': 'registry:criteria.itemKind',
    knockOuts: 'registry:criteria.knockOuts',
    'knockOuts.code': 'registry:criteria.knockOutCode',
    'knockOuts.text': 'registry:criteria.knockOutText',
    maxTotal: 'registry:criteria.maxTotal',
    period: 'registry:criteria.period',
    fromClusterId: 'registry:criteria.fromCluster',
    fromYear: 'registry:criteria.fromYear',
    // a round's settings, sheets and review (features/scoring)
    weights: 'registry:round.weights',
    'weights.self': 'registry:round.weightSelf',
    'weights.cross': 'registry:round.weightCross',
    crossMethod: 'registry:round.crossMethod',
    missingCross: 'registry:round.missingCross',
    tieBreaks: 'registry:round.tieBreaks',
    'tieBreaks.group': 'registry:round.tieBreakGroup',
    leadingPlaces: 'registry:round.leadingPlaces',
    deadlines: 'registry:round.deadlines',
    'deadlines.self': 'registry:round.deadlineSelf',
    'deadlines.cross': 'registry:round.deadlineCross',
    acceptLate: 'registry:round.acceptLate',
    crossPairs: 'registry:round.crossPairs',
    'crossPairs.scorerUnitId': 'registry:round.crossScorer',
    'crossPairs.unitId': 'registry:round.crossTarget',
    stage: 'registry:round.stage',
    scorerUnitId: 'registry:round.scorerUnit',
    entries: 'registry:round.entries',
    'entries.item': 'registry:round.entryItem',
    'entries.points': 'registry:round.entryPoints',
    'entries.comment': 'registry:round.entryComment',
    submit: 'registry:round.submit',
    item: 'registry:round.item',
    points: 'registry:round.points',
    reason: 'registry:round.reason',
    answer: 'registry:round.answer',
    codes: 'registry:round.codes',
  },
  ballots: {
    office: 'registry:ballots.office',
    maxChoices: 'registry:ballots.maxChoices',
    candidates: 'registry:ballots.candidates',
    'candidates.name': 'registry:ballots.candidateName',
    'candidates.unitId': 'registry:ballots.candidateUnit',
    voterUserIds: 'registry:ballots.voters',
    rule: 'registry:ballots.rule',
    'rule.quorumPercent': 'registry:ballots.quorumPercent',
    'rule.approvalPercent': 'registry:ballots.approvalPercent',
    'rule.denominator': 'registry:ballots.denominator',
    'rule.strictlyAbove': 'registry:ballots.strictlyAbove',
    chairUserId: 'registry:ballots.chair',
    secretaryUserId: 'registry:ballots.secretary',
    present: 'registry:ballots.present',
    choices: 'registry:ballots.choices',
    'choices.candidateId': 'registry:ballots.candidate',
    'choices.answer': 'registry:ballots.answer',
  },
  people: { title: 'registry:people.positionTitle' },
  auth: { username: 'auth:login.username', password: 'auth:login.password', code: 'auth:reset.code' },
  eligibility: { year: 'records:quota.fromYear', awardCode: 'records:quota.award' },
  decisions: {
    issuerUnitId: 'registry:decisions.issuerUnit',
    symbol: 'registry:decisions.symbol',
    issuerParent: 'registry:decisions.issuerParent',
    issuerName: 'registry:decisions.issuerName',
    place: 'registry:decisions.place',
    authorityLine: 'registry:decisions.authorityLine',
    signer: 'registry:decisions.signer',
    'signer.delegation': 'registry:decisions.delegation',
    'signer.onBehalfOf': 'registry:decisions.onBehalfOf',
    'signer.title': 'registry:decisions.signerTitle',
    'signer.name': 'registry:decisions.signerName',
    awardCode: 'registry:decisions.award',
    kind: 'registry:decisions.kind',
    year: 'registry:decisions.year',
    achievement: 'registry:decisions.achievement',
    proposal: 'registry:decisions.proposal',
    'proposal.proposerTitle': 'registry:decisions.proposerTitle',
    'proposal.number': 'registry:decisions.proposalNumber',
    'proposal.date': 'registry:decisions.proposalDate',
    regulation: 'registry:decisions.regulation',
    'regulation.number': 'registry:decisions.regulationNumber',
    'regulation.date': 'registry:decisions.regulationDate',
    'regulation.issuerTitle': 'registry:decisions.regulationIssuer',
    'regulation.title': 'registry:decisions.regulationTitle',
    copiesTo: 'registry:decisions.copiesTo',
    recipients: 'registry:decisions.recipients',
    'recipients.subjectType': 'registry:decisions.recipientType',
    'recipients.subjectId': 'registry:decisions.recipient',
    'recipients.evidenceIds': 'registry:decisions.evidence',
    replacesId: 'registry:decisions.replaces',
    issueDate: 'registry:decisions.issueDate',
    overrideReason: 'registry:decisions.overrideReason',
    reason: 'registry:decisions.cancelReason',
  },
};

/** The catalogue key of a field's label, or undefined when no screen shows the field. */
export function fieldLabelKey(area: string | undefined, path: string): string | undefined {
  // array items carry their index ("predecessorIds.0"): the field is the list's
  const field = path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
  // own properties only: a field named "valueOf" or "constructor" is not a label
  const own = area && Object.hasOwn(BY_AREA, area) ? BY_AREA[area] : undefined;
  if (own && Object.hasOwn(own, field)) return own[field];
  return Object.hasOwn(SHARED, field) ? SHARED[field] : undefined;
}

/** A field's label in the caller's language; the path itself for fields no screen shows (API-only inputs). */
export function fieldLabel(t: Translate, area: string | undefined, path: string): string {
  const key = fieldLabelKey(area, path);
  return key ? t(key) : path;
}

/** The API area of a route pattern: `/api/v1/clusters/:id/flag` → `clusters`. */
export function routeArea(routeUrl: string | undefined): string | undefined {
  return routeUrl?.match(/^\/api\/v1\/([^/]+)/)?.[1];
}
