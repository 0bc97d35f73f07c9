#!/usr/bin/env node
// The `thidua` command: runs the TypeScript CLI through tsx, so it works straight after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
