// The five invariants issue 10 asks for, over random rounds (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCross, aggregateRound, CROSS_METHODS, type AggregationSettings, type ScoreSheet } from './aggregate.ts';
import { criteriaItems, type CriteriaSet } from './criteria.ts';
import { rankUnits, type RankInput, type TieBreak } from './ranking.ts';

const criteria: CriteriaSet = {
  version: 1,
  year: 2024,
  period: 'FY',
  maxTotal: 30,
  groups: [
    {
      code: 'G1',
      title: 'g1',
      items: [
        { code: 'A', text: 'a', maxPoints: 10, method: 'binary', evidenceRequired: false, kind: 'regular' },
        { code: 'B', text: 'b', maxPoints: 10, method: 'manual', evidenceRequired: false, kind: 'regular' },
      ],
    },
    {
      code: 'G2',
      title: 'g2',
      items: [
        { code: 'C', text: 'c', maxPoints: 10, method: 'graded', levels: [0, 5, 10], evidenceRequired: false, kind: 'regular' },
        { code: 'T', text: 't', maxPoints: 10, method: 'binary', evidenceRequired: false, kind: 'bonus' },
        { code: 'D', text: 'd', maxPoints: 5, method: 'manual', evidenceRequired: false, kind: 'penalty' },
      ],
    },
  ],
  knockOuts: [{ code: 'KO', text: 'ko' }],
};

const entriesArb = fc
  .record({
    A: fc.constantFrom(0, 10),
    B: fc.integer({ min: 0, max: 40 }).map((q) => q / 4),
    C: fc.constantFrom(0, 5, 10),
    T: fc.constantFrom(0, 10),
    D: fc.integer({ min: 0, max: 20 }).map((q) => (q === 0 ? 0 : -q / 4)),
  })
  .map((p) => Object.entries(p).map(([item, points]) => ({ item, points })));

const settingsArb: fc.Arbitrary<AggregationSettings> = fc.record({
  weights: fc.constantFrom(0, 30, 50, 100).map((self) => ({ self, cross: 100 - self })),
  crossMethod: fc.constantFrom(...CROSS_METHODS),
  missingCross: fc.constantFrom('self' as const, 'zero' as const),
});

/** A round: 2–7 members, each with or without a self sheet, and a random set of cross sheets between others. */
const roundArb = fc.integer({ min: 2, max: 7 }).chain((n) => {
  const members = Array.from({ length: n }, (_, i) => `U${i}`);
  const pairs = members.flatMap((s) => members.filter((t) => t !== s).map((t) => [s, t] as const));
  return fc.record({
    members: fc.constant(members),
    self: fc.array(fc.option(entriesArb, { nil: undefined }), { minLength: n, maxLength: n }),
    cross: fc
      .subarray(pairs)
      .chain((chosen) => fc.tuple(...chosen.map(([s, t]) => entriesArb.map((entries) => ({ scorer: s, unit: t, entries }))))),
    settings: settingsArb,
  });
});

function sheetsOf(round: {
  members: readonly string[];
  self: ReadonlyArray<ScoreSheet['entries'] | undefined>;
  cross: ReadonlyArray<{ scorer: string; unit: string; entries: ScoreSheet['entries'] }>;
}): ScoreSheet[] {
  const self = round.members.flatMap((m, i) => {
    const entries = round.self[i];
    return entries
      ? [{ unit: m, scorer: m, stage: 'self' as const, entries, submittedAt: `2024-12-${String(10 + i).padStart(2, '0')}` }]
      : [];
  });
  return [...self, ...round.cross.map((c) => ({ ...c, stage: 'cross' as const }))];
}

const tieBreaksArb: fc.Arbitrary<TieBreak[]> = fc.shuffledSubarray<TieBreak>([
  'fullItems',
  { group: 'G2' },
  'fewerPenalties',
  'earlierSubmission',
]);

describe('scoring invariants', () => {
  it("a unit's own cross-score never affects its aggregate", () => {
    fc.assert(
      fc.property(roundArb, fc.nat(), entriesArb, (round, pick, ownEntries) => {
        const sheets = sheetsOf(round);
        const unit = round.members[pick % round.members.length]!;
        const withOwn = [...sheets, { unit, scorer: unit, stage: 'cross' as const, entries: ownEntries }];
        expect(aggregateRound(criteria, round.members, withOwn, round.settings)).toEqual(
          aggregateRound(criteria, round.members, sheets, round.settings),
        );
      }),
    );
  });

  it('a sheet given as stored columns (hundredths in item order) gives the same results as its entries', () => {
    const order = criteriaItems(criteria).map((i) => i.code);
    fc.assert(
      fc.property(roundArb, (round) => {
        const sheets = sheetsOf(round);
        const columnar = sheets.map(({ entries, ...rest }) => ({
          ...rest,
          hundredths: order.map((code) => {
            const e = (entries ?? []).find((x) => x.item === code);
            return e ? Math.round(e.points * 100) : null;
          }),
        }));
        expect(aggregateRound(criteria, round.members, columnar, round.settings)).toEqual(
          aggregateRound(criteria, round.members, sheets, round.settings),
        );
      }),
    );
  });

  it('permuting scorers never changes a result', () => {
    fc.assert(
      fc.property(
        roundArb.chain((round) => {
          const sheets = sheetsOf(round);
          return fc.tuple(fc.constant(round), fc.constant(sheets), fc.shuffledSubarray(sheets, { minLength: sheets.length }), tieBreaksArb);
        }),
        ([round, sheets, shuffled, tieBreaks]) => {
          const a = aggregateRound(criteria, round.members, sheets, round.settings);
          const b = aggregateRound(criteria, round.members, shuffled, round.settings);
          expect(b).toEqual(a);
          if (!a.ok || !b.ok) return;
          expect(rankUnits([...b.value].reverse(), tieBreaks, [])).toEqual(rankUnits(a.value, tieBreaks, []));
        },
      ),
    );
  });

  it("adding a bonus never lowers a unit's rank", () => {
    fc.assert(
      fc.property(roundArb, fc.nat(), tieBreaksArb, (round, pick, tieBreaks) => {
        const sheets = sheetsOf(round);
        const unit = round.members[pick % round.members.length]!;
        const before = aggregateRound(criteria, round.members, sheets, round.settings);
        // the unit earns the bonus item: every sheet on it now gives T its points
        const bonused = sheets.map((s) =>
          s.unit === unit ? { ...s, entries: (s.entries ?? []).map((e) => (e.item === 'T' ? { ...e, points: 10 } : e)) } : s,
        );
        const after = aggregateRound(criteria, round.members, bonused, round.settings);
        if (!before.ok || !after.ok) throw new Error('aggregate');
        const rankOf = (r: RankInput[]) => rankUnits(r, tieBreaks, []).ranked.find((x) => x.unit === unit)!.rank;
        expect(rankOf(after.value)).toBeLessThanOrEqual(rankOf(before.value));
      }),
    );
  });

  it('a knocked-out unit is never ranked among the leading units', () => {
    const resultArb = fc.record({
      total: fc.integer({ min: 0, max: 12_000 }).map((h) => h / 100),
      fullItems: fc.integer({ min: 0, max: 5 }),
      penaltyTotal: fc.integer({ min: -500, max: 0 }).map((h) => h / 100 + 0),
      g2: fc.integer({ min: 0, max: 2000 }).map((h) => h / 100),
      submittedAt: fc.option(fc.constantFrom('2024-12-01', '2024-12-02'), { nil: null }),
      knockedOut: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(resultArb, { maxLength: 12 }), tieBreaksArb, fc.integer({ min: 0, max: 5 }), (list, tieBreaks, places) => {
        const results: RankInput[] = list.map((r, i) => ({ ...r, unit: `U${i}`, groups: { G2: r.g2 } }));
        const knockOuts = list.flatMap((r, i) => (r.knockedOut ? [{ unit: `U${i}`, code: 'KO' }] : []));
        const out = new Set(knockOuts.map((k) => k.unit));
        const ranking = rankUnits(results, tieBreaks, knockOuts, { leadingPlaces: places });
        expect(ranking.ranked.filter((r) => r.leading !== null && out.has(r.unit))).toEqual([]);
        expect(ranking.ranked.some((r) => out.has(r.unit))).toBe(false);
        expect(ranking.knockedOut.map((k) => k.unit).sort()).toEqual([...out].sort());
      }),
    );
  });

  it('a trimmed mean of equal scores equals the score', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: 1, max: 30 }), (h, n) => {
        const score = h / 100 + 0;
        expect(
          aggregateCross(
            Array.from({ length: n }, () => score),
            'trimmedMean',
          ),
        ).toBe(score);
      }),
    );
  });
});
