export * from './shared/result.ts';
export * from './shared/errors.ts';
