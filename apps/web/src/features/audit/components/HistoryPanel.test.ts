import { describe, expect, it } from 'vitest';
import { resources } from '@thidua/i18n';
import { LANGUAGES, createI18n } from '../../../lib/i18n.ts';
import { formatDate } from '../../../lib/format.ts';
import { describeChanges } from './HistoryPanel.tsx';
import { eventLines, unitIdsOf, type SummaryContext } from './summaries.ts';

describe('describeChanges', () => {
  it('reads field-by-field edits, naming fields as the API does', () => {
    expect(describeChanges({ changes: { short_name: { from: 'Lam Sơn', to: 'Lam Sơn (sửa)' }, version: { from: 1, to: 2 } } })).toEqual([
      { field: 'shortName', from: 'Lam Sơn', to: 'Lam Sơn (sửa)' },
    ]);
  });
  it('lists the facts of other events', () => {
    expect(describeChanges({ unitId: 16, year: 2025 })).toEqual([
      { field: 'unitId', to: 16 },
      { field: 'year', to: 2025 },
    ]);
    expect(describeChanges(null)).toEqual([]);
  });
});

describe('event summaries', () => {
  const i18n = createI18n('vi', resources);
  const ctx: SummaryContext = {
    t: i18n.getFixedT('vi', 'audit'),
    date: (value) => formatDate(value, 'vi'),
    unit: (id) => ({ 16: 'Công ty TNHH MTV Lam Sơn', 14: 'Công ty TNHH MTV Sông Chu' })[id] ?? `#${id}`,
  };
  const lines = (type: string, data: unknown) => eventLines(ctx, type, data);

  it('says what was added to or removed from the records', () => {
    expect(lines('RECORD_ADDED', { kind: 'ratings', recordId: 2025, year: 2025, rating: 'HTXS', decisionRef: null })).toEqual([
      'Thêm xếp loại năm 2025: Hoàn thành xuất sắc nhiệm vụ',
    ]);
    // an award's own kind overwrites the record kind in these events: known by its award code
    expect(
      lines('RECORD_ADDED', {
        kind: 'awards',
        awardKind: 'CONG_TRANG',
        recordId: 7,
        awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
        year: 2024,
        decisionNumber: '12/QĐ-UBND',
        decisionDate: '2024-12-20',
        evidenceIds: [],
      }),
    ).toEqual([
      'Thêm Chiến sĩ thi đua cơ sở năm 2024 (Khen thưởng theo công trạng và thành tích đạt được)',
      'Quyết định: 12/QĐ-UBND – 20/12/2024',
    ]);
    expect(lines('RECORD_REMOVED', { kind: 'ratings', recordId: 2025 })).toEqual(['Xóa xếp loại năm 2025']);
    expect(lines('RECORD_REMOVED', { kind: 'discipline', recordId: 4 })).toEqual(['Xóa mục “Kỷ luật” (mã 4)']);
  });

  it('names the award and the decision that conferred or withdrew it', () => {
    const award = { documentId: 7, number: '01/QĐ-LS', awardCode: 'LAO_DONG_TIEN_TIEN', year: 2025 };
    expect(lines('AWARD_CONFERRED', award)).toEqual(['Lao động tiên tiến năm 2025, Quyết định số 01/QĐ-LS']);
    expect(lines('AWARD_WITHDRAWN', award)).toEqual(['Lao động tiên tiến năm 2025, Quyết định số 01/QĐ-LS']);
  });

  it('names units, dates and the flag’s previous holder', () => {
    expect(
      lines('CLUSTER_FLAG_HANDED_OVER', { unitId: 16, from: '2025-12-20', note: 'Hội nghị tổng kết', previousClosedOn: '2025-12-19' }),
    ).toEqual([
      'Công ty TNHH MTV Lam Sơn nhận cờ từ ngày 20/12/2025',
      'Đơn vị giữ cờ trước giữ đến hết ngày 19/12/2025',
      'Ghi chú: Hội nghị tổng kết',
    ]);
    expect(lines('CLUSTER_LEADERSHIP_SET', { year: 2025, headUnitId: 14, deputyUnitId: null })).toEqual([
      'Năm 2025',
      'Đơn vị trưởng cụm, khối: Công ty TNHH MTV Sông Chu',
      'Đơn vị phó cụm, khối: (trống)',
    ]);
    expect(lines('CLUSTER_MEMBER_REMOVED', { unitId: 99, year: 2025 })).toEqual(['Bỏ #99 khỏi danh sách thành viên năm 2025']);
    expect(lines('PERSON_POSITION_ADDED', { positionId: 3, unitId: 16, title: 'Trưởng phòng', from: '2025-03-01', to: null })).toEqual([
      'Trưởng phòng, Công ty TNHH MTV Lam Sơn, từ 01/03/2025',
    ]);
    expect(unitIdsOf({ unitId: 16, year: 2025 })).toEqual([16]);
    expect(unitIdsOf({ changes: { parentId: { from: 3, to: 4 } } })).toEqual([3, 4]);
  });

  it('reads accounts, quotas and issuer settings', () => {
    expect(lines('USER_CREATED', { username: 'can-bo-moi', role: 'VIEWER' })).toEqual(['Tài khoản can-bo-moi, vai trò Người xem']);
    expect(
      lines('USER_UPDATED', {
        changes: { displayName: { from: 'A', to: 'B' }, disabled: { from: false, to: true }, password: { from: '…', to: '…' } },
      }),
    ).toEqual(['Tên hiển thị: A → B', 'Đã khóa: Không → Có', 'Đặt lại mật khẩu']);
    expect(lines('USER_SESSIONS_REVOKED', { sessions: 2 })).toEqual(['Đã kết thúc 2 phiên đăng nhập']);
    expect(
      lines('QUOTA_POLICY_SET', {
        awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
        year: 2024,
        ratePercent: 15,
        rounding: 'floor',
        minOne: true,
        baseAwardCode: 'LAO_DONG_TIEN_TIEN',
      }),
    ).toEqual(['Chiến sĩ thi đua cơ sở từ năm 2024: tối đa 15%, Làm tròn xuống', 'Tính trên số đạt Lao động tiên tiến', 'Tối thiểu 1']);
    expect(
      lines('ISSUER_SETTINGS_SET', { year: 2026, overrides: { provincialFighterCycleYears: 4, disciplineRestartsChains: false } }),
    ).toEqual([
      'Áp dụng từ năm 2026:',
      'CSTĐ toàn quốc (Điều 21): chu kỳ giữa hai lần CSTĐ cấp bộ, tỉnh: 4 năm',
      'Kỷ luật làm tính lại thành tích (Nghị định 98, Điều 4 khoản 4): Không',
    ]);
  });

  it('gives every event type of the server a label in every language', () => {
    const types = [
      'USER_CREATED',
      'USER_UPDATED',
      'USER_SESSIONS_REVOKED',
      'RECORD_ADDED',
      'RECORD_REMOVED',
      'QUOTA_POLICY_SET',
      'ISSUER_SETTINGS_SET',
      'CLUSTER_MEMBER_ADDED',
      'CLUSTER_MEMBER_REMOVED',
      'CLUSTER_LEADERSHIP_SET',
      'CLUSTER_FLAG_HANDED_OVER',
      'PERSON_CREATED',
      'PERSON_POSITION_ADDED',
      'PERSON_POSITION_REMOVED',
    ];
    for (const lang of LANGUAGES) {
      const t = i18n.getFixedT(lang, 'audit');
      for (const type of types) expect(t(`type.${type}`, { defaultValue: '' }), `${lang} ${type}`).not.toBe('');
    }
  });
});
