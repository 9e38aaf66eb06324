export { type CronSchedule, parseJobCron, type ScheduleFn, scheduleWithNodeCron } from './cron';
export { floorToMinute, MAX_WINDOW_MS } from './fire';
export { runDueJobsAt } from './run-due-jobs';
export { FAILED_SUMMARY_PREFIX } from './runs';
export { type CatchUpResult, createScheduler, type Scheduler, type SchedulerDeps } from './scheduler';
export type { FireOutcome, FireReport, JobWindow, ScheduledJob } from './types';
