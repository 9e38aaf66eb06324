import pino from 'pino';
import type { Logger } from '../logging';
import type { ScheduleFn } from './cron';
import type { JobWindow, ScheduledJob } from './types';

/** Test doubles for the scheduler's integration tests. Not used by production code. */

export type LogLine = { level: number; msg: string } & Record<string, unknown>;

/** A real pino logger whose JSON lines are kept in memory. */
export function createRecordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines };
}

export type RecordingJob = ScheduledJob & { windows: JobWindow[] };

export function createRecordingJob(name: string, cron = '0 * * * *', fail?: string): RecordingJob {
  const windows: JobWindow[] = [];
  return {
    name,
    cron,
    windows,
    async run(window) {
      windows.push(window);
      if (fail) throw new Error(fail);
      return `${name}: ${windows.length} run(s)`;
    },
  };
}

export type FakeSchedule = ScheduleFn & {
  registered: {
    cron: string;
    timezone: string;
    name: string;
    onFire: (at: Date) => void;
    stopped: boolean;
  }[];
};

/** Records registrations instead of starting timers; fire them by hand via `onFire`. */
export function createFakeSchedule(): FakeSchedule {
  const registered: FakeSchedule['registered'] = [];
  const fake = ((cron, onFire, options) => {
    const entry = { cron, onFire, ...options, stopped: false };
    registered.push(entry);
    return {
      stop: () => {
        entry.stopped = true;
      },
    };
  }) as FakeSchedule;
  fake.registered = registered;
  return fake;
}
