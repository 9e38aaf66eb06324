import { createInterface } from 'node:readline';
import {
  SAMPLE_COHORT_NAME,
  SAMPLE_PEOPLE,
  sampleStartDate,
  seedSampleCohort,
} from '../../src/app/sample/sample-cohort';
import type { Config } from '../../src/config';
import { localDateOf } from '../../src/core/calendar/zoned';
import { findCohortByName } from '../../src/infra/db/repositories/cohorts';
import { storesOnDb } from '../../src/infra/db/stores';
import type { Logger } from '../../src/infra/logging';
import { createRuntime } from '../../src/main';
import { createConsoleSession } from './session';
import { createSessionGateway } from './session-gateway';
import { consoleTexts } from './texts';
import { createVirtualClock, loadSavedClock } from './virtual-clock';

/**
 * `npm start` without Slack or Teams in a terminal: a chat on the embedded database with a
 * sample cohort. The clock stands still unless the user moves it (STAGECOACH_SCHEDULER does
 * not apply), and it is saved in DATA_DIR so a restart continues where you were.
 */
export async function runConsoleChat(options: { config: Config; logger: Logger }): Promise<number> {
  const { config, logger } = options;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const saved = loadSavedClock(config.dataDir);
  const now = new Date();
  const clock = createVirtualClock(saved && saved > now ? saved : now);

  const bridge = createSessionGateway();
  // Log lines would break into the chat; the chat says itself what matters (see devKeyNote).
  const quiet = logger.child({}, { level: 'error' });
  const runtime = await createRuntime({ config, logger: quiet, clock, gateways: [bridge.gateway] });
  try {
    if (!(await findCohortByName(runtime.database.db, SAMPLE_COHORT_NAME))) {
      await seedSampleCohort(storesOnDb(runtime.database.db, runtime.cipher), {
        startDate: sampleStartDate(localDateOf(clock.now(), config.timezone)),
        at: clock.now(),
      });
    }
    const session = await createConsoleSession({
      runtime,
      clock,
      out,
      dataDir: config.dataDir,
      startAs: SAMPLE_PEOPLE.sam.email,
    });
    bridge.attach(session);
    session.welcome();
    if (!config.encryptionKey) out(consoleTexts(config.defaultLocale).devKeyNote(config.dataDir));

    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    rl.on('SIGINT', () => rl.close()); // Ctrl-C ends the chat like /stop
    rl.setPrompt(session.prompt());
    rl.prompt();
    // Lines are handled one at a time: a pasted block runs in order, each after the previous.
    for await (const line of rl) {
      await session.handleLine(line);
      if (session.stopped) break;
      rl.setPrompt(session.prompt());
      rl.prompt();
    }
    rl.close();
    return 0;
  } finally {
    await runtime.close();
  }
}
