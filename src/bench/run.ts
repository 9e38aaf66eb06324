import { performance } from 'node:perf_hooks';
import { createConsoleGateway } from '../../adapters/console/gateway';
import { EVERY_COHORT } from '../app/access/reach';
import { importPlacements } from '../app/placements/import-placements';
import type { Inbound } from '../app/ports';
import { loadConfig } from '../config';
import { openDatabase } from '../infra/db/client';
import { findPersonByEmail, linkIdentity } from '../infra/db/repositories/people';
import { silentLogger } from '../infra/logging';
import { runDueJobsAt } from '../infra/scheduler';
import { createRuntime } from '../main';

/**
 * `npm run bench`: prints speed and memory figures on the embedded database. Figures, not
 * assertions — machines here are shared and noisy; compare runs on the same machine.
 */
const PLACEMENTS = 300;
const ANSWERS = 200;

type Figure = { name: string; value: number; unit: string; target: number; lowerIsBetter: boolean };
const figures: Figure[] = [];
const record = (figure: Figure) => figures.push(figure);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function csvOf(count: number): string {
  const rows = [
    'student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,cohort',
  ];
  for (let i = 0; i < count; i++) {
    rows.push(
      `student${i}@school.nl,Student ${i},mentor${i % 20}@zorg.nl,Mentor ${i % 20},2027-02-01,2027-07-02,coord@school.nl,Bench`,
    );
  }
  return rows.join('\n');
}

async function main(): Promise<void> {
  const before = process.memoryUsage().rss / (1024 * 1024);
  const database = await openDatabase({ kind: 'pglite' });
  // PGlite's WASM Postgres (engine + initdb) is most of the footprint; report it apart.
  const engine = process.memoryUsage().rss / (1024 * 1024) - before;
  record({
    name: 'embedded Postgres (PGlite) memory',
    value: engine,
    unit: 'MiB',
    target: 800,
    lowerIsBetter: true,
  });
  let now = new Date('2027-01-15T09:00:00Z');
  const clock = { now: () => now };
  let delivered = 0;
  const runtime = await createRuntime({
    config: loadConfig({ DATA_DIR: `${process.cwd()}/.stagecoach-bench`, LOG_LEVEL: 'silent' }),
    logger: silentLogger,
    clock,
    database,
    gateways: [createConsoleGateway(() => delivered++)],
  });
  const db = runtime.database.db;

  let started = performance.now();
  await importPlacements(db, csvOf(PLACEMENTS), { actor: 'bench', reach: EVERY_COHORT, at: now });
  record({
    name: `import ${PLACEMENTS} placements`,
    value: performance.now() - started,
    unit: 'ms',
    target: 5000,
    lowerIsBetter: true,
  });

  // Check-in for everyone: Friday 5 February 2027, 13:00 Amsterdam.
  now = new Date('2027-02-05T12:00:00Z');
  started = performance.now();
  await runDueJobsAt(db, runtime.app.jobs, now, { logger: silentLogger, instanceId: 'bench', clock });
  record({
    name: `tick (all jobs, ${PLACEMENTS} placements)`,
    value: performance.now() - started,
    unit: 'ms',
    target: 10_000,
    lowerIsBetter: true,
  });

  started = performance.now();
  const drained = await runtime.dispatcher.drain();
  const seconds = (performance.now() - started) / 1000;
  record({
    name: 'outbox dispatch (fake platform)',
    value: drained.sent / seconds,
    unit: 'msg/s',
    target: 50,
    lowerIsBetter: false,
  });

  const latencies: number[] = [];
  for (let i = 0; i < ANSWERS; i++) {
    const email = `student${i % PLACEMENTS}@school.nl`;
    const person = await findPersonByEmail(db, email);
    if (person)
      await linkIdentity(
        db,
        person.id,
        { platform: 'console', tenant: 'console', platformUserId: email },
        now,
      );
    const inbound: Inbound = {
      platform: 'console',
      tenant: 'console',
      user: { platformUserId: email },
      conversation: { id: email, kind: 'direct' },
      sentAt: new Date(now.getTime() + i * 1000),
      dedupeKey: `bench-${i}`,
      payload: { type: 'text', text: String((i % 5) + 1) },
    };
    const t0 = performance.now();
    await runtime.app.handler.handle(inbound);
    latencies.push(performance.now() - t0);
  }
  record({
    name: 'inbound act p50',
    value: percentile(latencies, 50),
    unit: 'ms',
    target: 50,
    lowerIsBetter: true,
  });
  record({
    name: 'inbound act p95',
    value: percentile(latencies, 95),
    unit: 'ms',
    target: 150,
    lowerIsBetter: true,
  });

  const rss = process.memoryUsage().rss / (1024 * 1024);
  record({ name: 'resident memory, total', value: rss, unit: 'MiB', target: 1200, lowerIsBetter: true });
  record({
    name: 'resident memory above the engine',
    value: rss - engine,
    unit: 'MiB',
    target: 400,
    lowerIsBetter: true,
  });
  await runtime.close();

  process.stdout.write(
    `Stagecoach bench (PGlite in memory, ${PLACEMENTS} placements, ${delivered} messages delivered)\n`,
  );
  for (const f of figures) {
    const met = f.lowerIsBetter ? f.value <= f.target : f.value >= f.target;
    const value = f.value >= 100 ? f.value.toFixed(0) : f.value.toFixed(1);
    process.stdout.write(
      `  ${f.name.padEnd(40)} ${value.padStart(8)} ${f.unit.padEnd(6)} target ${f.lowerIsBetter ? '≤' : '≥'} ${f.target} ${met ? 'ok' : 'MISSED'}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
