import { eq, min } from 'drizzle-orm';
import { instantAt, localDateOf, localTimeOf } from '../../src/core/calendar/zoned';
import type { CohortSettings } from '../../src/core/shared/cohort';
import { addLocalDays, type LocalTime } from '../../src/core/shared/dates';
import { listCohorts } from '../../src/infra/db/repositories/cohorts';
import { outbox } from '../../src/infra/db/schema';
import { addSummaries, type DispatchSummary, emptySummary } from '../../src/infra/outbox/types';
import { runDueJobsAt } from '../../src/infra/scheduler';
import type { ScheduledJob } from '../../src/infra/scheduler/types';
import type { Runtime } from '../../src/main';
import type { VirtualClock } from './virtual-clock';

/** ms; pending messages due within this horizon are waited for (pacing, quick retries). */
const PACING_HORIZON_MS = 5 * 60_000;
/** A safety stop: rounds of waiting for paced messages at one instant. */
const MAX_PACING_ROUNDS = 500;

/**
 * Sends everything due now and what pacing holds back for a few seconds. The dispatcher
 * spaces each conversation's messages a second apart; this clock stands still, so it jumps to
 * the next paced message, as a real platform conversation would take those seconds.
 */
export async function drainOutbox(runtime: Runtime, clock: VirtualClock): Promise<DispatchSummary> {
  let total = emptySummary();
  for (let round = 0; round < MAX_PACING_ROUNDS; round += 1) {
    const summary = await runtime.dispatcher.drain();
    total = addSummaries(total, summary);
    const [next] = await runtime.database.db
      .select({ at: min(outbox.nextAttemptAt) })
      .from(outbox)
      .where(eq(outbox.status, 'pending'));
    if (!next?.at || next.at.getTime() > clock.now().getTime() + PACING_HORIZON_MS) return total;
    // Due but not claimable (leased by a process that stopped mid-send): the lease expires later.
    if (next.at <= clock.now() && summary.claimed === 0) return total;
    if (next.at > clock.now()) clock.set(next.at);
  }
  return total;
}

/**
 * The local times at which each job's rules put work (create-app fires them every quarter of
 * an hour; the rules decide what is due). Stepping only to these instants keeps a week at a few
 * dozen job runs instead of thousands, and every job still runs daily, so no window exceeds the
 * scheduler's 24 hours. A job missing here runs at every step.
 */
function timesByJob(cohorts: ReadonlyArray<{ settings: CohortSettings }>): Map<string, Set<LocalTime>> {
  const map = new Map<string, Set<LocalTime>>();
  const add = (job: string, time: LocalTime) => map.set(job, (map.get(job) ?? new Set()).add(time));
  for (const { settings } of cohorts) {
    add('checkins', settings.checkinTime);
    add('checkin-reminders', settings.checkinReminderTime);
    add('digests', settings.digestTime);
    add('escalation', settings.morningReminderTime);
    add('escalation', settings.escalation.sweepTime);
    add('evaluation-reminders', settings.morningReminderTime);
  }
  return map;
}

/** A daily cron like `30 3 * * *` → `03:30`; null for anything else. */
export function dailyCronTime(cron: string): LocalTime | null {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron.trim());
  if (!match) return null;
  return `${(match[2] as string).padStart(2, '0')}:${(match[1] as string).padStart(2, '0')}`;
}

export type StepPlan = { timezone: string; times: Map<string, Set<LocalTime>> };

export async function planSteps(runtime: Runtime): Promise<StepPlan> {
  const cohorts = await listCohorts(runtime.database.db);
  const times = timesByJob(cohorts);
  for (const job of runtime.app.jobs) {
    const daily = dailyCronTime(job.cron);
    if (daily && !times.has(job.name)) times.set(job.name, new Set([daily]));
  }
  return { timezone: cohorts[0]?.settings.timezone ?? runtime.config.timezone, times };
}

/** The instants in (from, to) at which some job has its time, in order. */
export function stepInstants(from: Date, to: Date, plan: StepPlan): Date[] {
  const all = new Set<LocalTime>();
  for (const times of plan.times.values()) for (const time of times) all.add(time);
  const instants: Date[] = [];
  const last = localDateOf(to, plan.timezone);
  for (let day = localDateOf(from, plan.timezone); day <= last; day = addLocalDays(day, 1)) {
    for (const time of all) {
      const at = instantAt(day, time, plan.timezone);
      if (at > from && at < to) instants.push(at);
    }
  }
  return instants.sort((a, b) => a.getTime() - b.getTime());
}

function jobsAt(jobs: readonly ScheduledJob[], at: Date, plan: StepPlan): ScheduledJob[] {
  const time = localTimeOf(at, plan.timezone);
  return jobs.filter((job) => plan.times.get(job.name)?.has(time) ?? true);
}

export type ClockRun = { steps: number; sent: number; failed: number; jobFailures: string[] };

/**
 * Moves the virtual clock to `to`, running each job at its instants in between and every job
 * at `to` itself (as `tick --at` does), and sending what they produced. `afterStep` runs after
 * each instant's messages went out: the demo lets its people react there.
 */
export async function runClockTo(
  runtime: Runtime,
  clock: VirtualClock,
  to: Date,
  afterStep?: (at: Date) => Promise<void>,
): Promise<ClockRun> {
  const plan = await planSteps(runtime);
  const run: ClockRun = { steps: 0, sent: 0, failed: 0, jobFailures: [] };
  const steps = stepInstants(clock.now(), to, plan).map((at) => ({
    at,
    jobs: jobsAt(runtime.app.jobs, at, plan),
  }));
  if (to > clock.now()) steps.push({ at: to, jobs: [...runtime.app.jobs] });
  for (const step of steps) {
    // Pacing may have moved the clock a few seconds past a step; time never runs backwards.
    if (step.at > clock.now()) clock.set(step.at);
    const reports = await runDueJobsAt(runtime.database.db, step.jobs, step.at, {
      logger: runtime.logger,
      instanceId: 'console',
      clock,
    });
    run.jobFailures.push(...reports.filter((r) => r.failed).map((r) => `${r.job}: ${r.summary ?? ''}`));
    const summary = await drainOutbox(runtime, clock);
    run.sent += summary.sent;
    run.failed += summary.failed;
    run.steps += 1;
    if (afterStep) await afterStep(step.at);
  }
  return run;
}
