import { randomBytes, randomUUID } from 'node:crypto';
import { receiptFrom } from '@thidua/domain';
import type { TxContext } from '../db/transaction.ts';
import { createUser } from '../access/users.ts';
import { closeBallot, createBallot, openBallot } from '../features/ballots/ballot-commands.ts';

/**
 * The demo's ballots:
 * - Cluster No. 17's 2022 year-end conference (11 February 2023): the honouring ballot, closed, electing Tổng Công ty CP
 *   Hợp Lực, Công ty TNHH Hatuba and Công ty CP Dạ Lan as the seed reports (how each delegate voted is ILLUSTRATIVE);
 * - Cluster No. 18's 2024 year-end conference in progress: the open ballot electing the 2025 head, its seven member
 *   delegates as accounts `demo-delegate-1` … `demo-delegate-7`, chaired by `demo-cluster`.
 */
export async function loadDemoBallots(
  ctx: TxContext,
  ids: { th: number; cluster: (code: string) => number; unit: (code: string) => number; chairUserId: number },
  password: string,
): Promise<void> {
  const { tx } = ctx;
  const membersOf = (clusterCode: string, year: number) =>
    tx
      .selectFrom('cluster_membership')
      .innerJoin('unit', 'unit.id', 'cluster_membership.unit_id')
      .select(['unit.id', 'unit.code', 'unit.name', 'unit.short_name'])
      .where('cluster_membership.cluster_id', '=', ids.cluster(clusterCode))
      .where('cluster_membership.year', '=', year)
      .orderBy('unit.code')
      .execute();
  const delegatesFor = async (members: Awaited<ReturnType<typeof membersOf>>, prefix: string) => {
    const users: number[] = [];
    for (const [i, m] of members.entries())
      users.push(
        await createUser(ctx, {
          username: `${prefix}${i + 1}`,
          displayName: `Đại biểu ${m.short_name ?? m.name}`,
          password,
          role: 'UNIT_OFFICER',
          authorityId: ids.th,
          clusterId: null,
          unitId: m.id,
          year: null,
        }),
      );
    return users;
  };

  // Cluster No. 17, 2022: honouring, closed
  const c17 = await membersOf('TH-CUM17', 2022);
  const c17Voters = await delegatesFor(c17, 'demo-c17-delegate-');
  const honouring = await createBallot(ctx, {
    authorityId: ids.th,
    clusterId: ids.cluster('TH-CUM17'),
    year: 2022,
    kind: 'honouring',
    title: 'Suy tôn đơn vị dẫn đầu Cụm thi đua số 17 năm 2022',
    maxChoices: 3,
    candidates: c17.map((m) => ({ name: m.name, unitId: m.id })),
    voterUserIds: c17Voters,
  });
  await openBallot(ctx, honouring, {});
  const candidates = await tx.selectFrom('ballot_candidate').select(['id', 'unit_id']).where('ballot_id', '=', honouring).execute();
  const cand = (code: string) => candidates.find((c) => c.unit_id === ids.unit(code))!.id;
  const top = [cand('TH-HOPLUC'), cand('TH-HATUBA'), cand('TH-DALAN')];
  const others = [cand('TH-THIENXUAN'), cand('TH-XANGDAU')];
  // ten delegates: seven choose the three leading units, three swap the third for another member
  const votes = c17Voters.map((_, i) => ({ choices: i < 7 ? top : [top[0]!, top[1]!, others[i % 2]!] }));
  await tx.updateTable('ballot_voter').set({ voted: true }).where('ballot_id', '=', honouring).execute();
  await tx
    .insertInto('ballot_vote')
    .values(votes.map((v) => ({ id: randomUUID(), ballot_id: honouring, receipt: receiptFrom(randomBytes(10)), vote: JSON.stringify(v) })))
    .execute();
  await closeBallot(ctx, honouring);

  // Cluster No. 18, 2024: electing the 2025 head, open (the 2024 head, Lam Sơn, may not head again)
  const c18 = await membersOf('TH-CUM18', 2024);
  const c18Voters = await delegatesFor(c18, 'demo-delegate-');
  const election = await createBallot(ctx, {
    authorityId: ids.th,
    clusterId: ids.cluster('TH-CUM18'),
    year: 2024,
    kind: 'election',
    office: 'head',
    title: 'Bầu Cụm trưởng Cụm thi đua số 18 năm 2025',
    maxChoices: 1,
    candidates: c18.filter((m) => m.code !== 'TH-LAMSON').map((m) => ({ name: m.name, unitId: m.id })),
    voterUserIds: c18Voters,
    chairUserId: ids.chairUserId,
  });
  await openBallot(ctx, election, {});
}
