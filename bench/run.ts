// `npm run bench`: runs every benchmark module listed here, in order, and prints each figure next
// to the baseline it was measured against in the same run. Add a benchmark by writing a module that
// exports `benchmark: Benchmark` and listing it below.
import { benchmark as eligibility } from './eligibility.bench.ts';
import { benchmark as api } from './api.bench.ts';
import { benchmark as audit } from './audit-writes.bench.ts';
import { benchmark as documents } from './documents.bench.ts';
import { benchmark as scoring } from './scoring.bench.ts';
import { benchmark as ballots } from './ballots.bench.ts';

export interface Benchmark {
  readonly name: string;
  /** Runs the benchmark, printing progress through `log`; returns the lines of its summary. */
  run(log: (line: string) => void, args: readonly string[]): Promise<readonly string[]>;
}

const BENCHMARKS: readonly Benchmark[] = [eligibility, api, audit, documents, scoring, ballots];

const args = process.argv.slice(2);
const only = args.find((a) => !a.startsWith('-'));
const log = (line: string) => process.stdout.write(`${line}\n`);
log(`node ${process.version}, ${process.platform}/${process.arch}, one thread`);
for (const b of BENCHMARKS) {
  if (only && b.name !== only) continue;
  log(`\n== ${b.name} ==`);
  const summary = await b.run(log, args);
  log('');
  for (const line of summary) log(line);
}
