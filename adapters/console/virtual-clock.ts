import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../src/app/ports';
import { instantAt } from '../../src/core/calendar/zoned';

/**
 * The console's time: it stands still until the user moves it (`/verder`, `/tijd`), so a
 * whole semester can be tried in minutes. Only the outbox pacing nudges it forward by
 * seconds, as a real platform would take a second per message.
 */
export type VirtualClock = Clock & {
  set(at: Date): void;
  advance(ms: number): void;
};

export function createVirtualClock(start: Date): VirtualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set(at) {
      current = at.getTime();
    },
    advance(ms) {
      current += ms;
    },
  };
}

const CLOCK_FILE = 'console-clock.json';

/** The virtual time of the previous console session in `dataDir`, if any. */
export function loadSavedClock(dataDir: string): Date | null {
  try {
    const saved = JSON.parse(readFileSync(join(dataDir, CLOCK_FILE), 'utf8')) as { at?: unknown };
    const at = typeof saved.at === 'string' ? new Date(saved.at) : null;
    return at && !Number.isNaN(at.getTime()) ? at : null;
  } catch {
    return null; // no file yet, or unreadable: start from now
  }
}

export function saveClock(dataDir: string, at: Date): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, CLOCK_FILE), `${JSON.stringify({ at: at.toISOString() })}\n`);
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T\s](\d{1,2}):(\d{2}))?$/;

/**
 * `/tijd` input → an instant. A full ISO-8601 instant with `Z` or an offset is taken as is;
 * `2027-03-05 13:00` or `2027-03-05` (midnight) is wall-clock time in `timezone`.
 */
export function parseClockInput(text: string, timezone: string): Date | null {
  const trimmed = text.trim();
  const local = LOCAL.exec(trimmed);
  if (local) {
    const [, date, hours = '0', minutes = '00'] = local;
    if (Number(hours) > 23 || Number(minutes) > 59) return null;
    const at = instantAt(date as string, `${hours.padStart(2, '0')}:${minutes}`, timezone);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(trimmed)) return null;
  const at = new Date(trimmed);
  return Number.isNaN(at.getTime()) ? null : at;
}
