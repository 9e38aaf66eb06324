import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleGateway } from '../../adapters/console/gateway';
import { linkConsoleIdentities, listConsolePeople } from '../../adapters/console/people';
import { runClockTo } from '../../adapters/console/run-clock';
import { createVirtualClock, type VirtualClock } from '../../adapters/console/virtual-clock';
import { evaluatePlacement } from '../app/placements/evaluate';
import { SAMPLE_PEOPLE, samplePlacements, seedSampleCohort } from '../app/sample/sample-cohort';
import { loadConfig } from '../config';
import { instantAt } from '../core/calendar/zoned';
import type { Message } from '../core/messages/model';
import { addLocalDays, type LocalDate } from '../core/shared/dates';
import { openDatabase } from '../infra/db/client';
import { loadPlacementBundles } from '../infra/db/repositories/placements';
import { storesOnDb } from '../infra/db/stores';
import type { Logger } from '../infra/logging';
import { createRuntime, type Runtime } from '../main';
import { type Cast, createCast } from './cast';
import { createDemoPrinter, type DemoPerson, type DemoPrinter } from './printer';
import { summariseDemo } from './summary';

/** A fixed semester, so every run tells the same story: 1 February to 25 June 2027. */
export const DEMO_START: LocalDate = '2027-02-01';
/** Days after the end date the demo keeps running, so the placements can complete. */
const DAYS_AFTER_END = 2;
/** Days the weekly check-in conversations are shown in full before they are only counted. */
const FULL_DETAIL_DAYS = 14;

export type DemoOptions = {
  logger: Logger;
  out: (line: string) => void;
  startDate?: LocalDate;
};

/**
 * `stagecoach demo`: a sample cohort on a throw-away in-memory database, and a compressed
 * semester in which Sam does everything on time, Noor hands one report in within the grace
 * period (no substitute assignment), and Daan never writes one (insufficient at the 4th miss).
 * Returns 0 when exactly that happened, 2 otherwise.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const startDate = options.startDate ?? DEMO_START;
  // DATA_DIR is a throw-away directory and the key random: nothing lands in the repository.
  const dataDir = mkdtempSync(join(tmpdir(), 'stagecoach-demo-'));
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      STAGECOACH_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      STAGECOACH_SCHEDULER: 'off',
    });
    const clock = createVirtualClock(instantAt(startDate, '07:00', config.timezone));
    const people: DemoPerson[] = Object.values(SAMPLE_PEOPLE).map((p) => ({ ...p, roles: [...p.roles] }));
    const printer = createDemoPrinter({
      out: options.out,
      clock,
      timezone: config.timezone,
      people,
      fullUntil: instantAt(addLocalDays(startDate, FULL_DETAIL_DAYS), '00:00', config.timezone),
    });
    // The cast needs the runtime and the runtime the gateway: the gateway hands over late.
    let cast: Cast | null = null;
    let verdictShown = false;
    const gateway = createConsoleGateway((address, message: Message) => {
      const email = address.kind === 'user' ? address.platformUserId : `#${address.channelId}`;
      printer.delivered(email, message);
      cast?.receive(email, message);
      if (message.key.startsWith('escalation.insufficient') && !verdictShown) {
        verdictShown = true;
        printer.highlight(
          'Daan Visser’s placement is now INSUFFICIENT (onvoldoende): the 4th missed report.',
        );
      }
    });
    const runtime = await createRuntime({
      config,
      logger: options.logger,
      clock,
      database: await openDatabase({ kind: 'pglite' }),
      gateways: [gateway],
    });
    try {
      // The demo drains the outbox itself after every act, in order; no background sends.
      await runtime.dispatcher.stop();
      return await play({ runtime, clock, startDate, out: options.out, printer, people }, (created) => {
        cast = created;
      });
    } finally {
      await runtime.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Stage = {
  runtime: Runtime;
  clock: VirtualClock;
  startDate: LocalDate;
  out: (line: string) => void;
  printer: DemoPrinter;
  people: DemoPerson[];
};

async function play(stage: Stage, castReady: (cast: Cast) => void): Promise<number> {
  const { runtime, clock, startDate, out } = stage;
  const db = runtime.database.db;
  const seeded = await seedSampleCohort(storesOnDb(db, runtime.cipher), { startDate, at: clock.now() });
  await linkConsoleIdentities(db, await listConsolePeople(db), clock.now());
  const bundles = await loadPlacementBundles(db, { placementIds: Object.values(seeded.placementIds) });
  const first = bundles[0];
  if (!first) return 2;
  // All sample placements share their dates, so one placement's deadlines are everyone's.
  const dueDates = evaluatePlacement(first, clock.now()).reports.map((report) => report.dueDate);
  const endDate = samplePlacements(startDate)[0]?.endDate ?? first.placement.endDate;

  out('Stagecoach demo — a compressed semester for the sample cohort "voorbeeldklas".');
  out(`Placements run ${startDate} to ${endDate}; report deadlines: ${dueDates.join(', ')}.`);
  out('Sam hands in everything on time; Noor lets one deadline slip and hands it in within the');
  out('grace period; Daan never writes a report. Sam\'s first report comes back with "graag aanvullen"');
  out('and is approved after his revision; Daan hands in one substitute assignment, which the');
  out('coordinator reads and assesses. Each line is a message someone receives (→) or');
  out('something a person does; after two weeks the routine weekly check-ins are only counted.');

  const cast = createCast({
    runtime,
    clock,
    printer: stage.printer,
    people: stage.people,
    // Noor lets the second deadline pass.
    noorSkipsDueDate: dueDates[1] ?? dueDates[0] ?? startDate,
  });
  castReady(cast);

  const end = instantAt(addLocalDays(endDate, DAYS_AFTER_END), '12:00', runtime.config.timezone);
  const run = await runClockTo(runtime, clock, end, () => cast.react());
  for (const failure of run.jobFailures) out(`! job failed: ${failure}`);
  return summariseDemo(runtime, clock.now(), seeded.placementIds, out, cast.story());
}
