import type { CliIo } from './io.ts';

// Placeholder until the eligibility engine lands: refuses clearly rather than pretending.
export async function runEligibilityCheck(_args: string[], io: CliIo): Promise<number> {
  io.err('thidua: eligibility check is not available in this build\n');
  return 1;
}
