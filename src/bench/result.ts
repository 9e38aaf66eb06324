import type { BurstResult } from './burst';

export type StaffCount = { recipients: number; max: number; mean: number };
export type StaffMessages = { total: number; mentors: StaffCount; coordinators: StaffCount };

/** What one `size-run.ts` process measured. Times in ms, memory in MiB. */
export type SizeResult = {
  db: 'pglite' | 'postgres';
  placements: number;
  importMs: number;
  bareInsertMs: number;
  checkinTickMs: number;
  checkinEnqueued: number;
  escalationMs: number;
  escalationEnqueued: number;
  starrP50Ms: number;
  starrP99Ms: number;
  bareTxP50Ms: number;
  bareTxP99Ms: number;
  starrSamples: number;
  dispatchPerSecond: number;
  dispatched: number;
  bareHttpPerSecond: number;
  burst: BurstResult | null;
  checkinStaff: StaffMessages;
  escalationStaff: StaffMessages;
  /** RSS the database engine added when it was opened (PGlite's WASM Postgres; a driver for PostgreSQL). */
  engineMiB: number;
  peakRssMiB: number;
};

/** RSS of an idle `stagecoach start` (Slack only) after it answered /healthz. */
export type IdleResult = { db: 'pglite' | 'postgres'; rssMiB: number; peakMiB: number };
