export * from './format.ts';
export * from './view.ts';
export * from './citations.ts';
export * from './signer.ts';
export * from './attachment.ts';
export * from './award-decision.ts';
