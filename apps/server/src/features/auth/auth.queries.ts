import type { Db, Tx } from '../../db/client.ts';

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('app_user').selectAll().where('username', '=', username).where('disabled', '=', false).executeTakeFirst();

export const insertSession = (tx: Tx, tokenHash: string, userId: number, expiresAt: Date) =>
  tx.insertInto('user_session').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt, revoked_at: null }).execute();

export const revokeSession = (tx: Tx, tokenHash: string, at: Date) =>
  tx.updateTable('user_session').set({ revoked_at: at }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
