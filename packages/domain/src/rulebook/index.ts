export * from './vocabulary.ts';
export * from './criteria.ts';
export * from './settings.ts';
export * from './rulebooks.ts';
export * from './reward.ts';
export * from './applicability.ts';
export * from './instruments.ts';
