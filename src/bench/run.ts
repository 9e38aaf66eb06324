import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { startFakeSlackApi } from '../../adapters/slack/fixtures/fake-slack-api';
import { testDatabaseServerUrl } from '../config';
import { writePerformanceDoc } from './doc';
import { idleServerRss } from './idle-server';
import { idleTable, sizeTable } from './report';
import type { IdleResult, SizeResult } from './result';

/**
 * `npm run bench -- --db pglite|postgres[,…] --placements 1000,10000 [--write-docs]`
 *
 * Each (database, size) runs in a process of its own (`size-run.ts`), so memory figures are
 * that run's; the fake Slack Web API runs here, outside the measured processes. Figures, not
 * assertions: machines are shared and noisy, so every figure comes with a baseline measured in
 * the same run. `--smoke` is a tiny run for CI: it fails (exit 1) only when the bench breaks or
 * an act is lost, never on a slow figure.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    placements: { type: 'string', default: '300' },
    'write-docs': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    burst: { type: 'string' },
    'burst-seconds': { type: 'string' },
    'no-idle': { type: 'boolean', default: false },
    /** Appends each result (JSON lines) to this file as soon as it is measured. */
    save: { type: 'string' },
    /** Writes the docs from results saved earlier with --save, running nothing. */
    'docs-from': { type: 'string' },
    /** A paragraph for the doc about this run's conditions (machine load, sizes left out). */
    note: { type: 'string' },
  },
});
const smoke = values.smoke;
const databases = String(values.db).split(',') as ('pglite' | 'postgres')[];
const sizes = (smoke ? '40' : String(values.placements)).split(',').map(Number);
const serverUrl = testDatabaseServerUrl() ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let failed = false;

async function main(): Promise<void> {
  const from = values['docs-from'];
  if (from) {
    const saved = readFileSync(from, 'utf8').split('\n').filter(Boolean);
    const all = saved.map((line) => JSON.parse(line) as SizeResult | IdleResult);
    writePerformanceDoc(
      all.filter((r): r is SizeResult => 'placements' in r),
      all.filter((r): r is IdleResult => 'rssMiB' in r),
      values.note,
    );
    return;
  }
  const api = await startFakeSlackApi({ record: false });
  const results: SizeResult[] = [];
  const idle: IdleResult[] = [];
  const save = (result: SizeResult | IdleResult) => {
    if (values.save) appendFileSync(values.save, `${JSON.stringify(result)}\n`);
  };
  try {
    // Smallest size first on every database: a long run cut short still compares both.
    for (const n of sizes) {
      for (const db of databases) {
        const started = Date.now();
        process.stderr.write(`bench: ${db}, ${n} placements …\n`);
        try {
          const result = await withDatabase(db, (url) => runSize(db, n, api.apiUrl, url));
          results.push(result);
          save(result);
          const seconds = ((Date.now() - started) / 1000).toFixed(0);
          process.stderr.write(`bench: ${db}, ${n} placements done in ${seconds} s\n`);
        } catch (error) {
          failed = true;
          process.stderr.write(`bench: ${db}, ${n} placements failed: ${String(error)}\n`);
        }
      }
    }
    for (const db of smoke || values['no-idle'] ? [] : databases) {
      const measured = await withDatabase(db, (url) =>
        idleServerRss({ db, slackApiUrl: api.apiUrl, ...(url ? { databaseUrl: url } : {}) }),
      );
      idle.push(measured);
      save(measured);
    }
  } finally {
    await api.close();
  }
  const tables = results.map((r) => sizeTable(r, results)).join('\n\n');
  process.stdout.write(`${tables}\n\n${idle.length ? `${idleTable(idle)}\n` : ''}`);
  if (values['write-docs']) writePerformanceDoc(results, idle, values.note);
  const lost = results.some((r) => r.burst && r.burst.lost > 0);
  if (lost) process.stderr.write('bench: the Friday burst lost acts\n');
  if (failed || lost) process.exitCode = 1;
}

/** PostgreSQL: a throw-away database per run, dropped afterwards. PGlite: nothing to make. */
async function withDatabase<T>(db: 'pglite' | 'postgres', work: (url?: string) => Promise<T>): Promise<T> {
  if (db === 'pglite') return work();
  const name = `stagecoach_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }
}

function runSize(db: string, n: number, apiUrl: string, url?: string): Promise<SizeResult> {
  const burst = values.burst ?? (smoke ? '20' : '2000');
  const burstSeconds = values['burst-seconds'] ?? (smoke ? '1' : '60');
  const args = [
    '--import',
    'tsx',
    'src/bench/size-run.ts',
    '--db',
    db,
    '--placements',
    String(n),
    '--slack-api',
    apiUrl,
    '--burst',
    burst,
    '--burst-seconds',
    burstSeconds,
    ...(smoke ? ['--answers', '10'] : []),
    ...(url ? ['--url', url] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) reject(new Error(`bench run ${db}/${n} failed (exit ${code})`));
      else resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as SizeResult);
    });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
