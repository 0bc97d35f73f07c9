export * from './shared/result.ts';
export * from './shared/errors.ts';
export * from './access/roles.ts';
export * from './access/policies.ts';
export * from './clusters/membership.ts';
export * from './records/evidence.ts';
export * from './documents/index.ts';
export * from './scoring/index.ts';
