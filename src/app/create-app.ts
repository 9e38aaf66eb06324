import type { ScheduledJob } from '../infra/scheduler/types';
import type { AppContext } from './context';
import { createInboundHandler } from './handle-inbound';
import { runCheckinReminders, runCheckins } from './jobs/checkin-jobs';
import { runClosings } from './jobs/closing-job';
import { runDigests } from './jobs/digest-job';
import { runEscalation } from './jobs/escalation-job';
import { runEvaluationReminders } from './jobs/evaluation-job';
import type { JobContext } from './jobs/job-context';
import { runRetention } from './jobs/retention-job';
import type { InboundHandler } from './ports';

export type App = {
  handler: InboundHandler;
  /** Every scheduled job; the scheduler claims each fire once across instances. */
  jobs: ScheduledJob[];
};

/**
 * Cadences are fine-grained on purpose: when something is due is the rules' business (cohort
 * weekday/time, working days, deadlines). Each fire handles what fell in (last fire, now].
 */
const EVERY_QUARTER = '*/15 * * * *';

export function createApp(ctx: AppContext): App {
  const { stores } = ctx;
  const jobs: JobContext = {
    stores,
    logger: ctx.logger,
    defaultLocale: ctx.defaultLocale,
    dispatchSoon: ctx.dispatchSoon,
  };
  return {
    handler: createInboundHandler(ctx),
    jobs: [
      { name: 'checkins', cron: EVERY_QUARTER, run: (window) => runCheckins(jobs, window) },
      // Escalation before check-in reminders: a reminder folded into the morning message (one
      // message per student per moment) must be known before the reminder job looks.
      { name: 'escalation', cron: EVERY_QUARTER, run: (window) => runEscalation(jobs, window) },
      { name: 'checkin-reminders', cron: EVERY_QUARTER, run: (window) => runCheckinReminders(jobs, window) },
      { name: 'digests', cron: EVERY_QUARTER, run: (window) => runDigests(jobs, window) },
      { name: 'closings', cron: EVERY_QUARTER, run: (window) => runClosings(jobs, window) },
      {
        name: 'evaluation-reminders',
        cron: EVERY_QUARTER,
        run: (window) => runEvaluationReminders(jobs, window),
      },
      // 03:30 local: after the 02:00–03:00 daylight-saving hour, before anyone is at work.
      { name: 'retention', cron: '30 3 * * *', run: (window) => runRetention(jobs, window) },
    ],
  };
}
