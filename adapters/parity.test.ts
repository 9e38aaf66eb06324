import { describe, expect, it } from 'vitest';
import type { Inbound } from '../src/app/inbound';
import { renderCheckinPrompt } from '../src/core/checkin/messages';
import type { Message } from '../src/core/messages/model';
import { renderReflectionView } from '../src/core/notices/feedback';
import { FIXTURE_REQUEST_TIME, slackFixtureInbound } from './slack/fixtures/parity';
import { slashCommand } from './slack/fixtures/payloads';
import { parseBlockActions, parseSlashCommand, parseViewSubmission } from './slack/parse';
import { renderModal, renderSlackPosts } from './slack/render';
import { type TeamsAct, type TeamsFixtureOptions, teamsActivityFor } from './teams/fixtures';
import { parseTeamsActivity } from './teams/parse';
import { renderCard } from './teams/render';
import {
  buttonsIn,
  type ModalBlock,
  type OpenedModal,
  slackClick,
  slackViewSubmission,
} from './testing/slack-acts';
import { collectSubmits, inputIdsIn } from './testing/teams-acts';

/**
 * One act, two platforms, one `Inbound`. Only what names things on a platform may differ
 * (platform, tenant, user id, conversation id, dedupe key); what the person did and when must
 * be equal, so no rule can ever depend on where it happened. Slack's e-mail and display name
 * come from `users.info` on the live path; here the same profile is added to both sides.
 */
const PROFILE = { email: 'sanne@school.example', displayName: 'Sanne de Vries' };
/** Teams parses with the e-mail from its member lookup; receivedAt is never used (Teams sends a timestamp). */
const TEAMS_CONTEXT = { email: PROFILE.email, receivedAt: new Date('2025-03-08T00:02:00Z') };

function teams(act: TeamsAct, options: TeamsFixtureOptions): Inbound {
  const parsed = parseTeamsActivity(
    teamsActivityFor(act, { userName: PROFILE.displayName, ...options }),
    TEAMS_CONTEXT,
  );
  if (parsed.kind !== 'inbound') throw new Error(`Teams activity was ${parsed.kind}`);
  return parsed.inbound;
}

function slack(inbound: Inbound | null): Inbound {
  if (!inbound) throw new Error('Slack payload did not parse');
  return { ...inbound, user: { ...inbound.user, ...PROFILE } };
}

/** The platform-specific names replaced by placeholders; everything else is left as it was. */
function normalised(inbound: Inbound): Inbound {
  return {
    ...inbound,
    platform: 'console',
    tenant: 'tenant',
    user: { ...inbound.user, platformUserId: 'user' },
    conversation: { ...inbound.conversation, id: 'conversation' },
    dedupeKey: 'dedupe',
  };
}

function expectParity(fromSlack: Inbound, fromTeams: Inbound): void {
  expect([fromSlack.platform, fromTeams.platform]).toEqual(['slack', 'teams']);
  expect(normalised(fromTeams)).toEqual(normalised(fromSlack));
}

/** The Slack button and the Teams Action.Submit data rendered for the same model button. */
function renderedButtons(message: Message, actionId: string, value: string) {
  const slackButton = renderSlackPosts(message)
    .flatMap((post) => buttonsIn(post.blocks))
    .find((button) => button.action_id.replace(/::\d+$/u, '') === actionId && button.value === value);
  const teamsData = collectSubmits(renderCard(message)).find(
    (data) => data.actionId === actionId && data.value === value,
  );
  if (!slackButton || !teamsData) throw new Error(`${actionId}=${value} is not rendered on both platforms`);
  return { slackButton, teamsData };
}

const FEEDBACK_VIEW = renderReflectionView('nl', {
  studentName: 'Sanne de Vries',
  reportName: 'reflectieverslag over februari',
  reportId: 'placement-1:monthly:2025-03-03',
  answers: [{ label: 'Reflectie', text: 'Ik vraag voortaan eerder om hulp.' }],
  currentVerdict: null,
});
const FEEDBACK_VALUES = {
  verdict: 'needs-more',
  feedback: 'Mooi begin & eerlijk; vertel meer over het resultaat.',
};

describe('Slack and Teams give the same Inbound for the same act', () => {
  it('a typed direct message (HTML entities and markup kept as plain text)', () => {
    expectParity(
      slackFixtureInbound('message-im', PROFILE),
      teams(
        { kind: 'text', text: 'Ik heb deze week <b>zelf</b> een overdracht gedaan & dat ging goed' },
        { timestamp: '2025-03-07T09:00:00.000Z' },
      ),
    );
  });

  it('a click on a mood button with its value (Teams Action.Submit)', () => {
    expectParity(
      slackFixtureInbound('block-actions', PROFILE),
      teams(
        { kind: 'submit', actionId: 'checkin.mood', value: '3' },
        { timestamp: '2025-03-07T09:00:12.345Z' },
      ),
    );
  });

  it('a click on a button both renderers drew from one message model', () => {
    const at = new Date('2025-03-07T12:01:02.500Z');
    const { slackButton, teamsData } = renderedButtons(
      renderCheckinPrompt('nl', { firstName: 'Sanne' }),
      'checkin.mood',
      '4',
    );
    const fromSlack = parseBlockActions(
      slackClick({ user: 'U0STUDENT', channel: 'D0STUDENT', button: slackButton, at, triggerId: '1.2.3' }),
    );

    expectParity(slack(fromSlack), teams({ kind: 'submit', ...teamsData }, { timestamp: at.toISOString() }));
  });

  it('a submitted form: Slack modal and Teams card, same action, value and inputs', () => {
    const at = new Date('2025-03-07T13:00:05.000Z'); // a Slack view submission knows the second only
    const modal = renderModal(FEEDBACK_VIEW) as unknown as OpenedModal;
    const submission = slackViewSubmission({
      user: 'U0MENTOR',
      view: modal,
      values: FEEDBACK_VALUES,
      triggerId: 'x',
    });
    const card = renderCard(FEEDBACK_VIEW);
    const [submit] = collectSubmits(card.actions);
    // Teams merges the card's inputs into the submit data by id: the same ids Slack uses.
    expect(inputIdsIn(card).sort()).toEqual(Object.keys(FEEDBACK_VALUES).sort());
    expect(modal.blocks.flatMap((block) => (block.type === 'input' ? [block.block_id] : [])).sort()).toEqual(
      Object.keys(FEEDBACK_VALUES).sort(),
    );

    const fromSlack = slack(parseViewSubmission(submission, at));
    const fromTeams = teams(
      {
        kind: 'submit',
        actionId: submit?.actionId ?? '',
        ...(submit?.value === undefined ? {} : { value: submit.value }),
        formValues: FEEDBACK_VALUES,
      },
      { timestamp: at.toISOString() },
    );

    expect(fromSlack.payload).toEqual({
      type: 'action',
      actionId: 'reflection.feedback',
      value: 'placement-1:monthly:2025-03-03',
      formValues: FEEDBACK_VALUES,
    });
    expectParity(fromSlack, fromTeams);
  });

  it('a form inside a message: the submit button with the inputs filled in', () => {
    const at = new Date('2025-03-07T13:00:07.250Z');
    const [post] = renderSlackPosts(FEEDBACK_VIEW);
    const blocks = (post?.blocks ?? []) as unknown as ModalBlock[];
    const button = buttonsIn(blocks).find((b) => b.action_id.startsWith('reflection.feedback::'));
    if (!button) throw new Error('no submit button in the Slack message form');
    const click = slackClick({
      user: 'U0MENTOR',
      channel: 'D0MENTOR',
      button,
      at,
      triggerId: 'y',
      formBlocks: blocks,
      formValues: FEEDBACK_VALUES,
    });

    expectParity(
      slack(parseBlockActions(click)),
      teams(
        {
          kind: 'submit',
          actionId: 'reflection.feedback',
          value: 'placement-1:monthly:2025-03-03',
          formValues: FEEDBACK_VALUES,
        },
        { timestamp: at.toISOString() },
      ),
    );
  });

  it('the fixture modal submission with an empty optional input', () => {
    expectParity(
      slackFixtureInbound('view-submission', PROFILE),
      teams(
        {
          kind: 'submit',
          actionId: 'reflection.feedback.submit',
          value: 'report-42',
          formValues: { feedback: 'Mooi uitgewerkt & eerlijk.', verdict: 'approved', note: '' },
        },
        { timestamp: FIXTURE_REQUEST_TIME.toISOString() },
      ),
    );
  });

  it.each([
    ['in a channel', 'channel' as const, { channel_id: 'C0MENTORS', channel_name: 'mentoren' }],
    ['in a direct chat', 'personal' as const, { channel_id: 'D0COORD', channel_name: 'directmessage' }],
  ])('a "stage pauzeer …" command %s', (_name, conversation, where) => {
    const payload = {
      ...slashCommand('http://127.0.0.1:1', 'pauzeer <mailto:jan@school.nl|jan@school.nl> 2025-03-10 ziek'),
      ...where,
    };
    const fromSlack = slack(parseSlashCommand(payload, FIXTURE_REQUEST_TIME));
    const fromTeams = teams(
      { kind: 'command', text: 'pauzeer jan@school.nl 2025-03-10 ziek' },
      { timestamp: FIXTURE_REQUEST_TIME.toISOString(), conversation },
    );

    expect(fromSlack.payload).toEqual({ type: 'command', text: 'pauzeer jan@school.nl 2025-03-10 ziek' });
    expectParity(fromSlack, fromTeams);
  });
});
