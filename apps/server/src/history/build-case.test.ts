import { describe, expect, it } from 'vitest';
import type { EngineHistory } from './subject-history.ts';
import { AppError } from '../http/app-error.ts';
import { buildCase } from './build-case.ts';

const empty = { ratings: [], awards: [], evidence: [], discipline: [], leaves: [], reviews: [], figures: [] } as unknown as EngineHistory;

describe('stored records to the engine’s case', () => {
  it('keeps a person’s recorded gender', () => {
    expect(buildCase('7', 'person', 'female', empty, 'LAO_DONG_TIEN_TIEN', 2025).subject).toMatchObject({
      type: 'individual',
      gender: 'female',
    });
  });

  it.each([null, '', 'unknown'])('refuses to guess a person’s gender from %j, naming the person', (gender) => {
    const attempt = () => buildCase('7', 'person', gender as never, empty, 'LAO_DONG_TIEN_TIEN', 2025);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).fields).toEqual([{ path: 'person.7.gender', key: 'gender_unknown', params: { id: '7' } }]);
    }
  });

  it('a collective needs no gender', () => {
    expect(buildCase('3', 'unit', null, empty, 'TAP_THE_LAO_DONG_TIEN_TIEN', 2025).subject.type).toBe('collective');
  });
});
