// The request and response shapes live in @thidua/contracts, shared with the web app.
export * from '@thidua/contracts/shared.ts';
