import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { and, eq, gt, min } from 'drizzle-orm';
import { printServerInstructions, runConsoleChat } from '../adapters/console';
import { createConsoleGateway } from '../adapters/console/gateway';
import { renderConsoleMessage } from '../adapters/console/render';
import { EVERY_COHORT } from './app/access/reach';
import { importPlacements } from './app/placements/import-placements';
import { type Clock, systemClock } from './app/ports';
import { eraseStudent } from './app/privacy/erase';
import { exportPlacements, exportToCsv } from './app/privacy/export';
import { type Config, ConfigError, loadConfig } from './config';
import { describeCsvProblem } from './core/notices/import-summary';
import { StagecoachError } from './core/shared/errors';
import { runDemo } from './demo/run-demo';
import { guardAgainstDriverDeadSocket } from './infra/db/driver-guard';
import { resealAll } from './infra/db/reseal';
import { outbox } from './infra/db/schema';
import { storesOnDb } from './infra/db/stores';
import { recordKey } from './infra/key-check';
import { createLogger, type Logger } from './infra/logging';
import { addSummaries, type DispatchSummary } from './infra/outbox/types';
import { countWaiting, describeWaiting, type Waiting } from './infra/outbox/waiting';
import { runDueJobsAt } from './infra/scheduler';
import { createRuntime, type Runtime } from './main';

/** Exit codes (docs/INTERFACES.md, "Command line"): 0 success, 1 bad input (said what and where), 2 fault. */
class UsageError extends Error {}

const USAGE = `Usage: stagecoach <command> [options]

  start                                   run the bot (HTTP + scheduler + outbox); console chat without credentials
  migrate                                 apply pending database migrations and exit
  import <file.csv> [--skip-invalid]      create/update placements from CSV (idempotent)
  tick [--at <ISO-8601>]                  run every job due at that instant, dispatch, print a summary
  export [--format json|csv] [--cohort <name>] [--student <email>] [--include-checkins]
  erase --student <email>                 erase everything about a student but a content-free audit entry
  rotate-key                              re-seal every encrypted value with STAGECOACH_ENCRYPTION_KEY
                                          (old keys in STAGECOACH_ENCRYPTION_KEY_PREVIOUS); idempotent
  demo                                    play a compressed semester on a throw-away database
`;

function parseInstant(value: string | undefined, fallback: Date): Date {
  if (value === undefined) return fallback;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()))
    throw new UsageError(`--at "${value}" is not an ISO-8601 instant (e.g. 2027-02-05T13:00:00+01:00).`);
  return at;
}

/** Where a command reads its environment and writes its output: the process, or a test's capture. */
export type CliIo = {
  /** Variables to configure from; the process's own when absent (config.ts reads them). */
  env?: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
};

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** One-shot commands print what a platform would have received when no platform is configured. */
function consolePrinterGateways(config: Config, io: CliIo) {
  if (config.slack || config.teams) return [];
  return [
    createConsoleGateway((address, message) => {
      const to = address.kind === 'user' ? address.platformUserId : `#${address.channelId}`;
      io.out(`\n→ ${to}\n${renderConsoleMessage(message)}\n`);
    }),
  ];
}

async function withRuntime<T>(
  config: Config,
  logger: Logger,
  io: CliIo,
  run: (runtime: Runtime) => Promise<T>,
  clock?: Clock,
): Promise<T> {
  const runtime = await createRuntime({
    config,
    logger,
    gateways: consolePrinterGateways(config, io),
    ...(clock ? { clock } : {}),
  });
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
}

/** ms: a message due later than this (Retry-After, backoff) is left to the next tick. */
const PACED_PATIENCE_MS = 5_000;

/**
 * Drains, then waits for messages held back by pacing (several messages to one person are
 * spaced out) and drains again, so a tick delivers what it produced. Returns how many
 * messages are still pending afterwards.
 */
async function drainPaced(runtime: Runtime): Promise<{ summary: DispatchSummary; waiting: Waiting }> {
  const { db } = runtime.database;
  let summary = await runtime.dispatcher.drain();
  for (;;) {
    const now = runtime.clock.now();
    const [next] = await db
      .select({ at: min(outbox.nextAttemptAt) })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), gt(outbox.nextAttemptAt, now)));
    const wait = next?.at ? new Date(next.at).getTime() - now.getTime() : null;
    if (wait === null || wait > PACED_PATIENCE_MS) break;
    await new Promise((resolve) => setTimeout(resolve, wait + 10));
    summary = addSummaries(summary, await runtime.dispatcher.drain());
  }
  return { summary, waiting: await countWaiting(runtime.database.db) };
}

async function main(argv: string[], io: CliIo): Promise<number> {
  const [command = 'help', ...rest] = argv;
  const config = loadConfig(io.env);
  // One-shot commands log warnings only, to stderr: their stdout is the summary or the data.
  const logger =
    command === 'start' ? createLogger(config.logLevel) : createLogger('warn', 'stagecoach', 'stderr');

  switch (command) {
    case 'start': {
      const interactive = Boolean(process.stdin.isTTY) && !config.slack && !config.teams;
      if (interactive) return runConsoleChat({ config, logger: createLogger('warn') });
      guardAgainstDriverDeadSocket(logger);
      const runtime = await createRuntime({
        config,
        logger,
        serve: true,
        gateways: consolePrinterGateways(config, io),
      });
      const { port } = await runtime.start();
      if (!config.slack && !config.teams) printServerInstructions(port);
      else logger.info({ port, platforms: runtime.gateways.map((g) => g.platform) }, 'Stagecoach is running');
      const stop = async (signal: NodeJS.Signals) => {
        logger.info({ signal }, 'Stagecoach is stopping');
        await runtime.close();
        logger.info('Stagecoach stopped');
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return new Promise<number>(() => {}); // runs until a signal
    }
    case 'migrate':
      await withRuntime(config, logger, io, async () => {});
      io.out('Migrations applied.\n');
      return 0;
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { 'skip-invalid': { type: 'boolean' } },
        allowPositionals: true,
      });
      const file = positionals[0];
      if (!file) throw new UsageError('import needs a file: stagecoach import placements.csv');
      let csv: string;
      try {
        csv = readFileSync(file, 'utf8');
      } catch {
        throw new UsageError(`Cannot read ${file}.`);
      }
      return withRuntime(config, logger, io, async (runtime) => {
        const summary = await importPlacements(storesOnDb(runtime.database.db), csv, {
          actor: 'cli',
          reach: EVERY_COHORT,
          at: runtime.clock.now(),
          skipInvalid: values['skip-invalid'] ?? false,
          cohortTimezone: config.timezone,
        });
        for (const problem of summary.problems) io.err(`${file}: ${describeCsvProblem(problem, 'en')}\n`);
        io.out(
          summary.applied
            ? `Imported: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped} skipped.\n`
            : `Nothing imported: ${summary.problems.length} problem(s).\n`,
        );
        return summary.problems.length > 0 && !summary.applied ? 1 : 0;
      });
    }
    case 'tick': {
      const { values } = parseArgs({ args: rest, options: { at: { type: 'string' } } });
      const at = parseInstant(values.at, systemClock.now());
      // The whole tick happens at `at`: jobs, outbox times and the dispatcher's "now" (else
      // messages of a tick ahead of the wall clock would not be due yet). Time runs on from
      // there, so pacing between two messages to one person can pass.
      const startedAt = systemClock.now().getTime();
      const clock: Clock = { now: () => new Date(at.getTime() + (systemClock.now().getTime() - startedAt)) };
      return withRuntime(
        config,
        logger,
        io,
        async (runtime) => {
          const reports = await runDueJobsAt(runtime.database.db, runtime.app.jobs, at, {
            logger,
            instanceId: 'tick',
            clock,
          });
          const { summary: dispatched, waiting } = await drainPaced(runtime);
          const ran = reports.filter((r) => r.outcome === 'ran');
          const failed = reports.filter((r) => r.failed);
          io.out(
            `tick ${at.toISOString()}: ${ran.length} job(s) ran, ${reports.length - ran.length} already done; ` +
              `${dispatched.sent} sent, ${describeWaiting(waiting)}, ${dispatched.failed} failed` +
              `${failed.length ? `; FAILED: ${failed.map((f) => f.job).join(', ')}` : ''}\n`,
          );
          return failed.length > 0 ? 2 : 0;
        },
        clock,
      );
    }
    case 'export': {
      const { values } = parseArgs({
        args: rest,
        options: {
          format: { type: 'string', default: 'json' },
          cohort: { type: 'string' },
          student: { type: 'string' },
          'include-checkins': { type: 'boolean', default: false },
        },
      });
      if (values.format !== 'json' && values.format !== 'csv')
        throw new UsageError('--format must be json or csv.');
      return withRuntime(config, logger, io, async (runtime) => {
        const result = await exportPlacements(
          storesOnDb(runtime.database.db, runtime.cipher),
          {
            ...(values.cohort ? { cohort: values.cohort } : {}),
            ...(values.student ? { student: values.student } : {}),
          },
          { actor: 'cli', at: runtime.clock.now(), includeCheckinContent: values['include-checkins'] },
        );
        if (!result.ok)
          throw new UsageError(
            `${result.error === 'EXPORT.UNKNOWN_STUDENT' ? 'No student' : 'No cohort'} "${result.value}".`,
          );
        io.out(
          values.format === 'csv'
            ? exportToCsv(result.document)
            : `${JSON.stringify(result.document, null, 2)}\n`,
        );
        return 0;
      });
    }
    case 'erase': {
      const { values } = parseArgs({ args: rest, options: { student: { type: 'string' } } });
      if (!values.student) throw new UsageError('erase needs --student <email>.');
      const email = values.student;
      return withRuntime(config, logger, io, async (runtime) => {
        const result = await eraseStudent(storesOnDb(runtime.database.db), email, {
          actor: 'cli',
          reach: EVERY_COHORT,
          at: runtime.clock.now(),
        });
        if (!result.ok) throw new UsageError(`No student with e-mail ${email}.`);
        io.out(`Erased ${email}: ${result.placements} placement(s). A content-free audit entry remains.\n`);
        return 0;
      });
    }
    case 'rotate-key':
      return withRuntime(config, logger, io, async (runtime) => {
        const counts = await resealAll(runtime.database.db, runtime.cipher);
        await recordKey(runtime.database.db, runtime.cipher.keyId, runtime.clock.now());
        for (const c of counts) {
          io.out(`${c.column}: ${c.resealed} re-sealed, ${c.sealed} sealed, ${c.current} already current\n`);
        }
        io.out(
          `Every value is now sealed with key ${runtime.cipher.keyId}. Remove STAGECOACH_ENCRYPTION_KEY_PREVIOUS.\n`,
        );
        return 0;
      });
    case 'demo':
      return runDemo({ logger: createLogger('warn'), out: (line) => io.out(`${line}\n`) });
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return 0;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

/**
 * Runs one command line to its exit code (README, "Commands"): 0 success, 1 bad input, 2 fault.
 * The bin and the tests call this; `start` resolves only when a signal ends the process.
 */
export async function runCommandLine(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      (error instanceof StagecoachError && error.code === 'DB.LOCKED')
    ) {
      io.err(`${error.message}\n`);
      return 1;
    }
    io.err(`Stagecoach failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

/** True when node was started on this file (`node --import tsx src/cli.ts`), not when imported. */
function isEntryPoint(): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  void runCommandLine(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
