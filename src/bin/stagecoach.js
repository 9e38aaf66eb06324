#!/usr/bin/env node
// Runs the TypeScript CLI in this very process: tsx is registered as a module loader here, so
// the package needs no build step and there is no child process — SIGINT and SIGTERM reach the
// CLI's own shutdown handling (`start` closes the runtime, then exits 0).
import { register } from 'tsx/esm/api';

register();
const { runCommandLine } = await import('../cli.ts');
runCommandLine(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
