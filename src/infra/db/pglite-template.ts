import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite's memory settings. The embedded engine is a WASM Postgres whose shared buffers live in
 * the JavaScript heap next to everything else: the default 128 MB of shared buffers cost about
 * 100 MiB of RSS (measured, docs/PERFORMANCE.md) and buy nothing a single-process school bot
 * needs. 16 MB holds the hot indexes of tens of thousands of placements.
 */
export const PGLITE_CONF = ['shared_buffers=16MB', 'maintenance_work_mem=16MB'];

type PGliteClass = typeof PGlite;

/**
 * Inside the installation (`node_modules/.cache`), not the shared temp directory: a template
 * becomes a real database's first contents, so only whoever can change the code may change it.
 */
const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/stagecoach-pglite', import.meta.url));

/**
 * A migrated, empty database as a tarball, made once per installation and reused by every new
 * PGlite database: in memory (tests, the demo, the bench) and a data directory's first start. Creating a database runs `initdb` inside the WASM engine,
 * which holds about 400 MiB until the process exits; loading a tarball of its result skips it,
 * and the migrations with it. The file is keyed by the PGlite version, the settings and the
 * migrations, so a new migration makes a new template; it is written atomically, so processes
 * starting together at worst both make one.
 */
export async function migratedTemplate(
  Engine: PGliteClass,
  migrationsFolder: string,
  migrate: (client: PGlite) => Promise<void>,
): Promise<Blob> {
  const path = join(CACHE_DIR, `${templateKey(migrationsFolder)}.tar.gz`);
  try {
    return new Blob([readFileSync(path)]);
  } catch {
    // Not made yet on this machine: make it below.
  }
  const client = new Engine({ postgresqlconf: PGLITE_CONF });
  try {
    await client.waitReady;
    await migrate(client);
    const dump = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, dump);
      renameSync(partial, path);
    } catch {
      // A read-only installation: use the template once, make it again next time.
    }
    return new Blob([dump]);
  } finally {
    await client.close();
  }
}

function templateKey(migrationsFolder: string): string {
  const hash = createHash('sha256');
  hash.update(PGLITE_CONF.join(';'));
  // The engine's version: its package.json next to the resolved entry point (dist/..).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  hash.update(readFileSync(join(dirname(entry), '..', 'package.json')));
  for (const name of readdirSync(migrationsFolder).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(join(migrationsFolder, name)));
  }
  return hash.digest('hex').slice(0, 16);
}
