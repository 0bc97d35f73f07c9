// Request and response shapes of the API, defined once: the server validates and documents with them, the web app
// parses every answer with them, and the web tests build their mocks with them.
export * as audit from './audit.ts';
export * as auth from './auth.ts';
export * as authorities from './authorities.ts';
export * as clusters from './clusters.ts';
export * as eligibility from './eligibility.ts';
export * as jobs from './jobs.ts';
export * as people from './people.ts';
export * as records from './records.ts';
export * as scoring from './scoring.ts';
export * as shared from './shared.ts';
export * as units from './units.ts';
export * as users from './users.ts';
export * as decisions from './decisions.ts';
