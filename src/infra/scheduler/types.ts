/** The span a fire covers: events in (from, to] are this fire's work. */
export type JobWindow = { from: Date; to: Date };

export type ScheduledJob = {
  /** Stable: it keys the job's runs in `scheduler_runs`. */
  name: string;
  /** node-cron expression in local time of the scheduler's time zone, e.g. `30 8 * * 1`. */
  cron: string;
  /** Does the job's work for the window and returns a one-line summary for the logs. */
  run(window: JobWindow): Promise<string>;
};

export type FireOutcome = 'ran' | 'claimed-elsewhere';

/** What one claimed fire did. `failed` runs are recorded and logged, never rethrown. */
export type FireReport = {
  job: string;
  fireTime: Date;
  outcome: FireOutcome;
  window?: JobWindow;
  summary?: string;
  failed?: boolean;
};
