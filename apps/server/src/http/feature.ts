import type { Config } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import type { Runtime } from '../db/transaction.ts';
import type { Workers } from '../workers/pool.ts';

export type AppConfig = Pick<
  Config,
  'sessionTtlHours' | 'loginRateLimitMax' | 'passwordResetTtlHours' | 'cookieSecure' | 'webDir' | 'logLevel' | 'publicUrl'
>;

/** What every feature plugin receives: the runtime its commands run with, and the configuration. */
export interface FeatureOptions extends Runtime {
  config: AppConfig;
  /** Worker threads for CPU-heavy requests. */
  workers: Workers;
  /** Which database serves (a backup's manifest names it). */
  databaseKind: Database['kind'];
}

/** Cases one `POST /eligibility/check` may carry; larger batches go through `npx thidua eligibility check`. */
export const CHECK_MAX_CASES = 5_000;
