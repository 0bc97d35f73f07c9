import { readFile } from 'node:fs/promises';
import { cliTranslator, type CliIo } from './io.ts';

export const processIo: CliIo = {
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  readFile: (path) => readFile(path, 'utf8'),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** Dispatches `thidua <group> <verb> …`; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [group, verb, ...rest] = argv;
  try {
    const single = group === 'migrate' || group === 'backup' || group === 'restore';
    switch (single ? group : `${group ?? ''} ${verb ?? ''}`.trim()) {
      case 'eligibility check': {
        const { runEligibilityCheck } = await import('./eligibility-command.ts');
        return await runEligibilityCheck(rest, io);
      }
      case 'workdays add':
      case 'workdays between': {
        const { runWorkdays } = await import('./workdays-command.ts');
        return await runWorkdays(verb as 'add' | 'between', rest, io);
      }
      case 'audit verify': {
        const { runAuditVerify } = await import('./database-commands.ts');
        return await runAuditVerify(rest, io);
      }
      case 'audit checkpoint': {
        const { runAuditCheckpoint } = await import('./database-commands.ts');
        return await runAuditCheckpoint(rest, io);
      }
      case 'user create': {
        const { runUserCreate } = await import('./database-commands.ts');
        return await runUserCreate(rest, io);
      }
      case 'backup': {
        const { runBackup } = await import('./backup-commands.ts');
        return await runBackup(argv.slice(1), io);
      }
      case 'restore': {
        const { runRestore } = await import('./backup-commands.ts');
        return await runRestore(argv.slice(1), io);
      }
      case 'migrate': {
        const { runMigrate } = await import('./database-commands.ts');
        return await runMigrate([verb ?? '', ...rest].filter(Boolean), io);
      }
      default:
        io.err(`${cliTranslator(io)('cli:usage')}\n`);
        return group === undefined || group === '--help' ? 0 : 2;
    }
  } catch (error) {
    io.err(`thidua: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
