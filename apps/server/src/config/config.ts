import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { SERVER_DIR } from '../lib/locations.ts';

const boolFlag = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  THIDUA_DATA_DIR: z.string().min(1).default('data'),
  THIDUA_DEMO: boolFlag.default(true),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  LOGIN_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(10),
  PASSWORD_RESET_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 14)
    .default(72),
  COOKIE_SECURE: boolFlag.default(false),
  AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  THIDUA_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+/, 'must be an http:// or https:// address')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** A wrong environment variable; start-up names it in the console's language. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`configuration: ${variable}: ${detail}`);
    this.name = 'ConfigError';
  }
}

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  loadDemoData: boolean;
  sessionTtlHours: number;
  loginRateLimitMax: number;
  /** how long a one-time password reset code works */
  passwordResetTtlHours: number;
  cookieSecure: boolean;
  /** how often the running server signs a checkpoint of the audit chain */
  auditCheckpointMinutes: number;
  logLevel: string;
  /** the built web app, served at / when present */
  webDir: string;
  /** the address printed on documents for their public verification (default: the address the officer used) */
  publicUrl?: string;
}

/** Reads the environment; a wrong value stops start-up with the variable's name, never a guess. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(issue.path.join('.'), issue.message);
  }
  const e = parsed.data;
  // npm runs scripts inside the workspace; INIT_CWD is where the user typed the command.
  const base = env.INIT_CWD ?? process.cwd();
  return {
    port: e.PORT,
    host: e.HOST,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    dataDir: isAbsolute(e.THIDUA_DATA_DIR) ? e.THIDUA_DATA_DIR : resolve(base, e.THIDUA_DATA_DIR),
    loadDemoData: e.THIDUA_DEMO,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginRateLimitMax: e.LOGIN_RATE_LIMIT_MAX,
    passwordResetTtlHours: e.PASSWORD_RESET_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    auditCheckpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    logLevel: e.LOG_LEVEL,
    webDir: new URL('../web/dist/', SERVER_DIR).pathname,
    ...(e.THIDUA_PUBLIC_URL ? { publicUrl: e.THIDUA_PUBLIC_URL } : {}),
  };
}
