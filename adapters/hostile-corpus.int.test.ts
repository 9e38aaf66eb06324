import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TYPED_CHARS } from '../src/app/handle-inbound';
import type { Inbound } from '../src/app/inbound';
import { type AppHarness, createAppHarness } from '../src/app/testing/app-harness';
import { changedRows, snapshotData } from '../src/app/testing/snapshot';
import type { Message } from '../src/core/messages/model';
import { parseConsoleLine } from './console/parse-line';
import { messageIm, slashCommand } from './slack/fixtures/payloads';
import { parseMessageEvent, parseSlashCommand } from './slack/parse';
import { renderBlocks, renderSlackPosts } from './slack/render';
import { teamsActivityFor } from './teams/fixtures';
import { parseTeamsActivity } from './teams/parse';
import { renderCard } from './teams/render';
import { HOSTILE_CORPUS, slackPingsOrLinks, teamsPingsOrLinks } from './testing/hostile-corpus';

/**
 * Every hostile string through the console (as the app sees it), Slack and Teams inputs (their
 * parsers, then the app), and every answer through the Slack and Teams renderers: nothing
 * crashes, nothing renders as a ping or a link, and where the act is refused no row changes.
 * The acting people may change nothing here: a mentor typing commands, a coordinator of
 * another cohort, and platform accounts nobody is linked to.
 */
const AT = new Date('2027-02-10T10:00:00Z');
const HEADER =
  'student_email,student_name,mentor_email,mentor_name,start_date,end_date,coordinator_email,coordinator_name,cohort';
const SEED = `${HEADER}
sam@school.nl,Sam de Vries,mira@zorg.nl,Mira,2027-02-01,2027-06-30,cb@school.nl,Cor B,B-2027
noa@school.nl,Noa,piet@zorg.nl,Piet,2027-02-01,2027-06-30,ca@school.nl,Cor A,A-2027
`;
const REFUSED =
  /^(command\.|import\.rejected|input\.too-long|nothing\.open|unknown\.person|help\.|goals\.none|starr\.no-placement|status|home|rate\.)/u;

type Counts = { tried: number; crashes: number; refused: number; pingsOrLinks: number; rendered: number };
const counts: Counts = { tried: 0, crashes: 0, refused: 0, pingsOrLinks: 0, rendered: 0 };
const offenders: string[] = [];

let h: AppHarness;
let before: Record<string, string[]>;
beforeAll(async () => {
  h = await createAppHarness({ start: AT });
  await h.seed(SEED, AT);
  h.clock.set(AT);
  before = await snapshotData(h.database.db);
}, 120_000);
afterAll(async () => {
  console.log(
    `hostile corpus: ${HOSTILE_CORPUS.length} strings, ${counts.tried} acts tried through console, Slack and Teams, ${counts.refused} refused, ${counts.rendered} answers rendered for Slack and Teams, crashes: ${counts.crashes}, pings or links: ${counts.pingsOrLinks}, rows changed: ${changedRows(before, await snapshotData(h.database.db))}`,
  );
  await h.close();
});

function checkRendered(message: Message, input: string): void {
  counts.rendered++;
  const slack = JSON.stringify([renderBlocks(message, 'message'), renderSlackPosts(message)]);
  const card = renderCard(message) as unknown as { body?: unknown[] };
  const teamsTexts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'TextBlock' && typeof record.text === 'string') teamsTexts.push(record.text);
      if (record.type === 'FactSet' && Array.isArray(record.facts))
        for (const fact of record.facts as Array<{ title: string; value: string }>)
          teamsTexts.push(fact.title, fact.value);
      Object.values(record).forEach(walk);
    }
  };
  walk(card.body);
  const found = [...slackPingsOrLinks(slack), ...teamsTexts.flatMap(teamsPingsOrLinks)];
  if (found.length > 0) {
    counts.pingsOrLinks++;
    offenders.push(`${JSON.stringify(input.slice(0, 60))} → ${message.key}: ${found.join(' ')}`);
  }
}

async function through(inbound: Inbound, input: string): Promise<void> {
  counts.tried++;
  h.sent.splice(0);
  try {
    const requested = h.dispatchRequests;
    const result = await h.app.handler.handle(inbound);
    // Drain only when the act queued something (the app then asks for a dispatch); the clock
    // stands still, so nothing else becomes due. The last test proves nothing was left queued.
    if (h.dispatchRequests > requested) await h.dispatcher.drain();
    const messages = [
      ...result.replies,
      ...(result.view ? [result.view] : []),
      ...h.sent.map((d) => d.message),
    ];
    if (messages.some((m) => REFUSED.test(m.key)) || messages.length === 0) counts.refused++;
    for (const message of messages) checkRendered(message, input);
  } catch (error) {
    counts.crashes++;
    offenders.push(`crash on ${JSON.stringify(input.slice(0, 60))}: ${String(error).slice(0, 120)}`);
  }
}

let seq = 0;
function consoleInbound(email: string, payload: Inbound['payload']): Inbound {
  seq++;
  return {
    platform: 'console',
    tenant: 'console',
    user: { platformUserId: email, email },
    conversation: { id: email, kind: 'direct' },
    sentAt: AT,
    dedupeKey: `hostile-${seq}`,
    payload,
  };
}

describe('the hostile corpus', () => {
  it('has at least 500 strings', () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(500);
  });

  it('has detectors that do see a raw ping or link (else a zero proves nothing)', () => {
    expect(slackPingsOrLinks('<!channel> <https://evil.example|x> @here')).toHaveLength(3);
    expect(teamsPingsOrLinks('[klik](https://evil.example) <at>x</at> {{DATE(x)}}')).toHaveLength(3);
  });

  it('renders every string itself, as text in a message, without a ping or a link', {
    timeout: 300_000,
  }, () => {
    // The app never echoes more than MAX_TYPED_CHARS of an act (longer ones are refused first).
    for (const input of HOSTILE_CORPUS.map((raw) => raw.slice(0, MAX_TYPED_CHARS))) {
      checkRendered(
        {
          key: 'echo',
          summary: input,
          blocks: [
            { type: 'text', text: input },
            { type: 'quote', text: input },
          ],
        },
        input,
      );
    }
    expect(offenders).toEqual([]);
  });

  it('goes through the console line parser without a crash', () => {
    for (const input of HOSTILE_CORPUS) expect(() => parseConsoleLine(input)).not.toThrow();
  });

  it('goes through the app as console acts: commands by a mentor, text by a coordinator of another cohort', async () => {
    for (const input of HOSTILE_CORPUS) {
      await through(consoleInbound('mira@zorg.nl', { type: 'command', text: input }), input);
      await through(consoleInbound('ca@school.nl', { type: 'text', text: input }), input);
    }
    expect(offenders).toEqual([]);
  }, 600_000);

  it('goes through the Slack parsers and the app from an unlinked account', async () => {
    for (const input of HOSTILE_CORPUS) {
      seq++;
      const message = parseMessageEvent(messageIm({ eventId: `Ev${seq}`, text: input }), {
        botUserId: 'UBOT',
      });
      if (message.kind === 'inbound') await through(message.inbound, input);
      const command = parseSlashCommand(slashCommand('https://hooks.slack.example', input), AT);
      if (command) await through({ ...command, dedupeKey: `slash-${seq}` }, input);
    }
    expect(offenders).toEqual([]);
  }, 600_000);

  it('goes through the Teams parser and the app from an unlinked account', async () => {
    for (const input of HOSTILE_CORPUS) {
      seq++;
      const activity = teamsActivityFor(
        { kind: 'text', text: input },
        { serviceUrl: 'https://smba.example/' },
      );
      const parsed = parseTeamsActivity({ ...activity, id: `act-${seq}` }, { receivedAt: AT });
      if (parsed.kind === 'inbound') await through(parsed.inbound, input);
    }
    expect(offenders).toEqual([]);
  }, 600_000);

  it('changed no row anywhere and crashed nowhere', async () => {
    // Every queued answer was drained (and so rendered and checked) right after its act.
    expect((await h.dispatcher.drain()).claimed).toBe(0);
    expect(counts.crashes).toBe(0);
    expect(counts.pingsOrLinks).toBe(0);
    expect(changedRows(before, await snapshotData(h.database.db))).toBe(0);
  });
});
