import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE, seedSampleCohort } from '../../src/app/sample/sample-cohort';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/infra/db/client';
import { storesOnDb } from '../../src/infra/db/stores';
import { openTestDatabase } from '../../src/infra/db/test-database';
import { silentLogger } from '../../src/infra/logging';
import { createRuntime, type Runtime } from '../../src/main';
import { createConsoleGateway } from './gateway';
import { type ConsoleSession, createConsoleSession } from './session';
import { createVirtualClock, type VirtualClock } from './virtual-clock';

// A fixed test key: no key file is written anywhere.
const KEY = Buffer.alloc(32, 7).toString('base64');

type Delivery = { to: string; key: string };

describe('console session', () => {
  let database: Database;
  let runtime: Runtime;
  let clock: VirtualClock;
  let session: ConsoleSession;
  const lines: string[] = [];
  const deliveries: Delivery[] = [];

  /** Types one line and returns what the session printed for it. */
  async function type(line: string): Promise<string> {
    const from = lines.length;
    await session.handleLine(line);
    return lines.slice(from).join('\n');
  }
  /** Deliveries from `from` on to one e-mail, by message key. */
  const keysTo = (email: string, from = 0) =>
    deliveries
      .slice(from)
      .filter((d) => d.to === email)
      .map((d) => d.key);

  beforeAll(async () => {
    database = await openTestDatabase();
    // Monday 22 February 2027, 09:00 in Amsterdam: the sample placements started on 1 February.
    clock = createVirtualClock(new Date('2027-02-22T08:00:00Z'));
    const gateway = createConsoleGateway((address, message) => {
      deliveries.push({ to: address.kind === 'user' ? address.platformUserId : '#', key: message.key });
      return session.deliver(address, message);
    });
    runtime = await createRuntime({
      config: loadConfig({ STAGECOACH_ENCRYPTION_KEY: KEY }),
      logger: silentLogger,
      clock,
      database,
      gateways: [gateway],
    });
    await seedSampleCohort(storesOnDb(database.db, runtime.cipher), {
      startDate: '2027-02-01',
      at: clock.now(),
    });
    session = await createConsoleSession({ runtime, clock, out: (line) => lines.push(line) });
  });
  afterAll(() => runtime.close());

  it('lists everyone with their roles and switches by first name', async () => {
    const who = await type('/wie');
    const switched = await type('/als sam');

    expect(who).toMatch(/Ingrid de Boer \(coördinator\)/);
    expect(who).toMatch(/Eva Jansen \(begeleider\)/);
    expect(who).toMatch(/Daan Visser \(student\)/);
    expect(switched).toBe('Je bent nu Sam de Vries (student).');
    expect(session.current()?.email).toBe(SAMPLE_PEOPLE.sam.email);
  });

  it('moving the clock to Friday afternoon sends the weekly check-in to every student', async () => {
    const from = deliveries.length;

    const printed = await type('/verder 4d5h');

    expect(keysTo(SAMPLE_PEOPLE.sam.email, from)).toContain('checkin.prompt');
    expect(keysTo(SAMPLE_PEOPLE.daan.email, from)).toContain('checkin.prompt');
    expect(keysTo(SAMPLE_PEOPLE.mentorCare.email, from)).toContain('checkin.mentor.talk');
    expect(printed).toMatch(/→ Sam de Vries \(student\) ★ · 13:00/);
    expect(printed).toMatch(/Klok staat op vr 26 feb 2027/);
  });

  it('answers the check-in by typing a digit, a sentence and "nee"', async () => {
    const from = deliveries.length;

    await type('4');
    await type('Ik heb voor het eerst zelf een overdracht gedaan.');
    await type('nee');

    expect(keysTo(SAMPLE_PEOPLE.sam.email, from)).toEqual([
      'checkin.ask.learned',
      'checkin.ask.talk',
      'checkin.thanks',
    ]);
  });

  it("reminds an unanswered check-in the next working day, inside that morning's one message", async () => {
    const from = deliveries.length;

    const printed = await type('/tijd 2027-03-01 10:30');

    // Monday 1 March: the February report is due today (09:00); Noor's check-in reminder (due
    // 10:00) rides along in that one message instead of coming an hour later.
    expect(keysTo(SAMPLE_PEOPLE.noor.email, from)).toEqual(['reports.due-today']);
    expect(printed).toMatch(
      /→ Noor Bakker \(student\) · 09:00[\s\S]*Je check-in van deze week staat nog open/,
    );
    expect(keysTo(SAMPLE_PEOPLE.sam.email, from)).not.toContain('checkin.reminder');
  });

  it('takes a whole STARR report typed from start to submit and tells the mentor', async () => {
    const from = deliveries.length;
    const answers = [
      'start',
      '1',
      'Tijdens de ochtenddienst moest ik de overdracht geven aan de collega van de middagdienst op de afdeling.',
      'Mijn taak was om alle bewoners kort en volledig te bespreken, zonder iets belangrijks te vergeten.',
      'Ik heb een lijstje gemaakt en ik merkte dat ik zenuwachtig was, maar ik ben rustig gaan praten.',
      'De collega wist alles wat ze moest weten; het lijstje werkte goed omdat ik niets oversloeg.',
      'Ik heb geleerd dat voorbereiding rust geeft. Volgende keer wil ik ook vragen of ze iets mist.',
      'verstuur',
    ];

    for (const answer of answers) await type(answer);

    const toSam = keysTo(SAMPLE_PEOPLE.sam.email, from);
    expect(toSam[0]).toBe('starr.ask.goal');
    expect(toSam).toContain('starr.ask.reflection');
    expect(toSam).toContain('starr.summary');
    expect(toSam.at(-1)).toBe('starr.submitted');
    expect(keysTo(SAMPLE_PEOPLE.mentorCare.email, from)).toEqual(['feedback.notice']);
  });

  it('lets the mentor read the report and submit feedback through the typed form', async () => {
    await type('/als eva');
    const from = deliveries.length;

    const view = await type('!reflection.open');
    await type('!reflection.feedback verdict=approved feedback=Mooi verslag, goed voorbereid!');

    expect(view).toMatch(/← Eva Jansen \(alleen voor jou\)/);
    expect(view).toMatch(/ochtenddienst/);
    expect(view).toMatch(/!reflection\.feedback \S+ verdict=approved\|needs-more feedback=…/);
    expect(keysTo(SAMPLE_PEOPLE.sam.email, from)).toEqual(['feedback.student']);
  });

  it('runs a coordinator command and shows the answer privately', async () => {
    await type('/als ingrid.deboer@school.example');

    const printed = await type('/stage overzicht');

    expect(printed).toMatch(/← Ingrid de Boer \(alleen voor jou\)/);
    expect(printed).toMatch(/Sam de Vries/);
    expect(printed).toMatch(/Daan Visser/);
  });

  it('refuses to move the clock backwards and explains bad input', async () => {
    const before = clock.now();

    const backwards = await type('/tijd 2027-01-01');
    const badDuration = await type('/verder banaan');

    expect(backwards).toBe('De klok kan alleen vooruit (de geschiedenis is al gebeurd).');
    expect(badDuration).toMatch(/geen duur/);
    expect(clock.now()).toEqual(before);
  });

  it('speaks the language of the person you act as, labels and refusals included', async () => {
    await type('/als daan');

    const switched = await type('language en');
    const clockLine = await type('/klok');
    const refusal = await type('/stage overview');
    await type('taal nl');
    const dutchAgain = await type('/klok');

    expect(switched).toMatch(/I'll write to you in English/);
    expect(clockLine).toMatch(/^Clock: /);
    expect(refusal).toMatch(/Only a placement coordinator may use "overview"/);
    expect(dutchAgain).toMatch(/^Klok: /);
  });

  it('stops on /stop', async () => {
    await type('/stop');

    expect(session.stopped).toBe(true);
  });
});
