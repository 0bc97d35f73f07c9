import { describe, expect, it } from 'vitest';
import { buildSignerBlock, SignerBlockError, type SignerInput } from './signer.ts';

const person = { name: 'Lê Đức Giang' };

describe('signer blocks (Decree 30 Art. 13)', () => {
  it.each<[string, SignerInput, string | null, string[]]>([
    ['the head in person', { ...person, delegation: null, onBehalfOf: null, title: 'Chủ tịch' }, 'ỦY BAN NHÂN DÂN', ['CHỦ TỊCH']],
    [
      'a deputy for the head',
      { ...person, delegation: 'KT', onBehalfOf: 'Chủ tịch', title: 'Phó Chủ tịch' },
      null,
      ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    ],
    [
      'on behalf of the collective',
      { ...person, delegation: 'TM', onBehalfOf: null, title: 'Chủ tịch' },
      'Ủy ban nhân dân',
      ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    ],
    [
      'a deputy for the collective',
      { ...person, delegation: 'KT', onBehalfOf: 'Chủ tịch', title: 'Phó Chủ tịch', forCollective: true },
      'ỦY BAN NHÂN DÂN',
      ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    ],
    [
      'by order (TL.)',
      { ...person, delegation: 'TL', onBehalfOf: 'Chủ tịch', title: 'Chánh Văn phòng' },
      'ỦY BAN NHÂN DÂN',
      ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG'],
    ],
    [
      'by authorisation (TUQ.)',
      { ...person, delegation: 'TUQ', onBehalfOf: 'Chủ tịch', title: 'Giám đốc Sở Nội vụ' },
      'ỦY BAN NHÂN DÂN',
      ['TUQ. CHỦ TỊCH', 'GIÁM ĐỐC SỞ NỘI VỤ'],
    ],
    [
      'a council deputy',
      { ...person, delegation: 'KT', onBehalfOf: 'Chủ tịch', title: 'Phó Chủ tịch thứ nhất', forCollective: true },
      'Hội đồng Thi đua - Khen thưởng',
      ['TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH THỨ NHẤT'],
    ],
  ])('%s', (_why, signer, collective, lines) => {
    const block = buildSignerBlock(signer, collective);
    expect(block.lines).toEqual(lines);
    expect(block.name).toBe('Lê Đức Giang');
  });
  it('refuses KT. without whom the deputy signs for', () => {
    expect(() => buildSignerBlock({ ...person, delegation: 'KT', onBehalfOf: null, title: 'Phó Chủ tịch' }, null)).toThrow(
      SignerBlockError,
    );
  });
});
