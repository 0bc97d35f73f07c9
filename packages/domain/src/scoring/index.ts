// The cluster's year (issue 10): criteria tables, self- and cross-scoring, the head's review, ranking.
export * from './criteria.ts';
export * from './points.ts';
export * from './round.ts';
export * from './aggregate.ts';
export * from './ranking.ts';
export * from './settings.ts';
export * from './evidence.ts';
