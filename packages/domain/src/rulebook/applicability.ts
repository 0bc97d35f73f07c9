import { AWARD_BY_CODE, type AwardCode, type SubjectType } from './vocabulary.ts';

/** Kinds of unit (the `unit.unit_type` column). */
export const UNIT_TYPES = [
  'STATE_AGENCY',
  'PUBLIC_SERVICE_UNIT',
  'SOE_ONE_MEMBER_LLC',
  'JOINT_STOCK_COMPANY',
  'OTHER_ENTERPRISE',
  'COMMUNE_WARD',
  'VILLAGE',
  'MASS_ORGANISATION',
  'ARMED_FORCES_UNIT',
  'PARTY_AGENCY',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export const isUnitType = (v: unknown): v is UnitType => typeof v === 'string' && (UNIT_TYPES as readonly string[]).includes(v);

/**
 * Who may receive a title or form: a person (the unit type is that of the unit they belong to), a collective (its
 * own unit type) or a household (no unit type). An unknown unit type hides nothing.
 */
export interface AwardSubject {
  readonly type: SubjectType;
  readonly unitType?: UnitType | null;
}

/** The unit types a title is limited to (`only`) or kept from (`except`), beyond the vocabulary's subject type. */
interface Audience {
  readonly only?: readonly UnitType[];
  readonly except?: readonly UnitType[];
}

const AUDIENCE: Readonly<Partial<Record<AwardCode, Audience>>> = {
  // Law Art. 24: "Chiến sĩ tiên tiến" is the title of the armed forces, "Lao động tiên tiến" that of everyone else.
  CHIEN_SI_TIEN_TIEN: { only: ['ARMED_FORCES_UNIT'] },
  LAO_DONG_TIEN_TIEN: { except: ['ARMED_FORCES_UNIT'] },
  // Art. 29: communes, wards and special zones; Art. 30: villages and residential groups.
  XA_PHUONG_TIEU_BIEU: { only: ['COMMUNE_WARD'] },
  THON_TO_DAN_PHO_VAN_HOA: { only: ['VILLAGE'] },
  // Arts. 25–28: collectives of agencies, units and enterprises (in emulation clusters and blocks); a village or
  // residential group is a community, judged by Art. 30 instead.
  TAP_THE_LAO_DONG_TIEN_TIEN: { except: ['VILLAGE'] },
  TAP_THE_LAO_DONG_XUAT_SAC: { except: ['VILLAGE'] },
  CO_THI_DUA_BO_TINH: { except: ['VILLAGE'] },
  CO_THI_DUA_CHINH_PHU: { except: ['VILLAGE'] },
};

/**
 * Whether a title or form is meant for this kind of subject at all, from the award's definition: the subject type
 * of the vocabulary, then the kinds of unit the law confers it on. Eligibility is another question (`evaluate`).
 */
export function appliesTo(award: AwardCode, subject: AwardSubject): boolean {
  const definition = AWARD_BY_CODE[award];
  if (definition.subject !== 'any' && definition.subject !== subject.type) return false;
  const audience = AUDIENCE[award];
  const unitType = subject.unitType;
  if (!audience || unitType === undefined || unitType === null) return true;
  if (audience.only && !audience.only.includes(unitType)) return false;
  return !audience.except?.includes(unitType);
}
