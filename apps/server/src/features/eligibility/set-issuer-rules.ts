import type { z } from 'zod';
import type { TxContext } from '../../db/transaction.ts';
import { assertCanEditIssuer } from './eligibility.policy.ts';
import type { quotaBody, settingsBody } from '@thidua/contracts/eligibility.ts';

const findAuthority = (ctx: TxContext, id: number) => ctx.tx.selectFrom('authority').select('id').where('id', '=', id).executeTakeFirst();

/** Sets a quota policy of an issuing authority from a year on (Decree 98/2023, art. 4: rate of a base award). */
export async function setQuotaPolicy(ctx: TxContext, authorityId: number, b: z.infer<typeof quotaBody>): Promise<void> {
  assertCanEditIssuer(ctx.actor, await findAuthority(ctx, authorityId), authorityId, 'setQuotas');
  const values = { rate_percent: b.ratePercent, rounding: b.rounding, min_one: b.minOne, base_award_code: b.baseAwardCode };
  await ctx.tx
    .insertInto('quota_policy')
    .values({ authority_id: authorityId, award_code: b.awardCode, year: b.year, ...values })
    .onConflict((oc) => oc.columns(['authority_id', 'award_code', 'year']).doUpdateSet(values))
    .execute();
  ctx.audit(
    {
      type: 'QUOTA_POLICY_SET',
      entityType: 'authority',
      entityId: authorityId,
      data: {
        awardCode: b.awardCode,
        year: b.year,
        ratePercent: b.ratePercent,
        rounding: b.rounding,
        minOne: b.minOne,
        baseAwardCode: b.baseAwardCode,
      },
    },
    authorityId,
  );
}

/** Sets an issuing authority's settings for the points the law leaves open, from a year on. */
export async function setIssuerSettings(ctx: TxContext, authorityId: number, input: z.infer<typeof settingsBody>): Promise<void> {
  assertCanEditIssuer(ctx.actor, await findAuthority(ctx, authorityId), authorityId, 'setSettings');
  const { year, overrides } = input;
  await ctx.tx
    .insertInto('issuer_settings')
    .values({ authority_id: authorityId, year, overrides: JSON.stringify(overrides) })
    .onConflict((oc) => oc.columns(['authority_id', 'year']).doUpdateSet({ overrides: JSON.stringify(overrides) }))
    .execute();
  ctx.audit({ type: 'ISSUER_SETTINGS_SET', entityType: 'authority', entityId: authorityId, data: { year, overrides } }, authorityId);
}
