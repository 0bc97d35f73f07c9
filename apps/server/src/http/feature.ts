import type { Config } from '../config/config.ts';
import type { Runtime } from '../db/transaction.ts';

export type AppConfig = Pick<Config, 'sessionTtlHours' | 'loginRateLimitMax' | 'cookieSecure' | 'webDir' | 'logLevel'>;

/** What every feature plugin receives: the runtime its commands run with, and the configuration. */
export interface FeatureOptions extends Runtime {
  config: AppConfig;
}
