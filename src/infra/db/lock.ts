import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StagecoachError } from '../../core/shared/errors';

/**
 * PGlite is a single-process database: two processes on one DATA_DIR would corrupt it.
 * A lock file with the owner's pid makes the second process fail with a clear message; a lock
 * left by a process that died is taken over.
 */
export type DataDirLock = { release(): void };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'stagecoach.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new StagecoachError(
          'DB.LOCKED',
          `Another Stagecoach process (pid ${owner}) is using ${dataDir}. Stop it first, or set DATA_DIR to another ` +
            'folder, or set DATABASE_URL to use PostgreSQL (which allows several instances).',
        );
      }
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new StagecoachError('DB.LOCKED', `Could not lock ${dataDir}.`);
}
