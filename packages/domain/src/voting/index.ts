export * from './ballot.ts';
